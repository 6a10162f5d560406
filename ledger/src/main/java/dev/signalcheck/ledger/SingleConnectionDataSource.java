package dev.signalcheck.ledger;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands Flyway the ledger's own connection (with its busy timeout and WAL settings) and keeps it
 * open when Flyway "closes" it.
 */
final class SingleConnectionDataSource implements DataSource {
  private final Connection target;

  SingleConnectionDataSource(Connection target) {
    this.target = target;
  }

  @Override
  public Connection getConnection() {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close":
                  if (!target.getAutoCommit()) {
                    target.setAutoCommit(true);
                  }
                  return null;
                case "isClosed":
                  return target.isClosed();
                case "unwrap":
                  return target.unwrap((Class<?>) args[0]);
                case "isWrapperFor":
                  return ((Class<?>) args[0]).isInstance(target)
                      || target.isWrapperFor((Class<?>) args[0]);
                default:
                  try {
                    return method.invoke(target, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }

  @Override
  public Connection getConnection(String username, String password) {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
