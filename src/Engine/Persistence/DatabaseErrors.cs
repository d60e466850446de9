namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// What a database exception means for whoever asked, on either database (the driver details live in
/// <see cref="Postgres.PostgresErrors"/> and <see cref="Sqlite.SqliteErrors"/>). The exception and its inner
/// exceptions are looked at, so EF Core's wrappers (<c>DbUpdateException</c>) are seen through.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>
    /// The database cannot be reached right now: connection refused, lost or timed out, the server shutting down
    /// or starting up, no connection slot free, the SQLite file busy or unreadable. Nothing about the request is
    /// wrong; the same request may succeed later (HTTP 503 with <c>Retry-After</c>).
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        Chain(exception).Any(e => Postgres.PostgresErrors.IsUnavailable(e) || Sqlite.SqliteErrors.IsUnavailable(e));

    /// <summary>A unique index refused the row: a real conflict (the same e-mail, id or version written by someone else first).</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        Chain(exception).Any(e => Postgres.PostgresErrors.IsUniqueViolation(e) || Sqlite.SqliteErrors.IsUniqueViolation(e));

    /// <summary>The connection broke while the exception's statement was on its way or its answer was: the statement may or may not have run.</summary>
    internal static bool IsConnectionLost(Exception exception) =>
        Chain(exception).Any(Postgres.PostgresErrors.IsConnectionLost);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Count > 1)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
