/** External sources: fetching, snapshots and the history of pulls. */
package dev.signalcheck.sources;
