namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The connection broke while a transaction's <c>COMMIT</c> was on its way or its answer was: the transaction may
/// have been committed or not, and nobody can tell from here. Never retried blindly — a request that gets this is
/// answered "outcome unknown" (repeat it with its <c>Idempotency-Key</c>, which finds what the first run did).
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The database connection was lost while the transaction was being committed; it may or may not have been committed.", inner);
