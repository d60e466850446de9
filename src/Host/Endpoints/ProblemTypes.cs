namespace Sleek.Workflows.Host.Endpoints;

/// <summary>
/// The <c>type</c> of problems a client should tell apart from the status alone (RFC 9457: a URI naming the kind of
/// problem). Other problems keep the default type of their status.
/// </summary>
public static class ProblemTypes
{
    /// <summary>
    /// 503: the database cannot be reached (refused, lost, shutting down); nothing was changed. Repeat after
    /// <c>Retry-After</c>.
    /// </summary>
    public const string DatabaseUnavailable = "urn:sleek:problem:database-unavailable";

    /// <summary>
    /// 503: the connection was lost while the request's change was being committed, so it may or may not have taken
    /// effect. The problem's <c>idempotencyKey</c> is the key to repeat the request with: the repeat answers what the
    /// first run did (a start finds the instance it created; a resume that went through answers 409 with the state).
    /// </summary>
    public const string OutcomeUnknown = "urn:sleek:problem:outcome-unknown";
}
