namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>An AI call that produced no text; <see cref="Reason"/> says why.</summary>
public sealed class AiException(AiFailure reason, string message, int? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Why the call failed.</summary>
    public AiFailure Reason { get; } = reason;

    /// <summary>The HTTP status for <see cref="AiFailure.HttpError"/>.</summary>
    public int? StatusCode { get; } = statusCode;
}
