namespace Sleek.Workflows.Engine.Persistence;

/// <summary>What to do with a request that carries an idempotency key.</summary>
public enum IdempotencyOutcome
{
    /// <summary>First use of the key: run the request, then store its response.</summary>
    Started,

    /// <summary>The key has a stored response for the same request: answer with it, run nothing.</summary>
    Replay,

    /// <summary>The key was used for a different request: refuse.</summary>
    Mismatch,

    /// <summary>The key's first request is still running: refuse for now.</summary>
    InFlight,
}
