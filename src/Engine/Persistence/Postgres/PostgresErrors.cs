using Npgsql;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>Npgsql's exceptions sorted for <see cref="DatabaseErrors"/>.</summary>
internal static class PostgresErrors
{
    /// <summary>
    /// The server is out of reach: a network or I/O failure of the driver (refused, reset, timed out, pool exhausted),
    /// or the server saying so — SQLSTATE class 08 (connection exception), 53 (insufficient resources, e.g. too many
    /// connections), 57P01–57P03 (shutting down, crashed, starting up).
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    /// <summary>SQLSTATE 23505.</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// The driver lost the connection itself (not an error the server sent): whatever was in flight may have
    /// reached the server and run, only its answer is missing.
    /// </summary>
    public static bool IsConnectionLost(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } and not PostgresException;
}
