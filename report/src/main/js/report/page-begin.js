/* signalcheck HTML report. Reads the JSON data block and builds the page with DOM calls only: every piece
   of data is set as text (textContent, text nodes), never parsed as markup, and no handler is built from data. */
/* The page's script is made at build time from the parts in src/main/js/report/ (page-begin, format,
   charts, overview, series, page-end), joined in that order, so that report.html stays one file. */
window.signalcheck = (function () {
  'use strict';

  /**
   * Draws report data D (the page's JSON data block, see ReportData) into the element app, with the
   * page header before it. The only entry point: a page that embeds the same data can call it too.
   */
  function render(D, app) {
