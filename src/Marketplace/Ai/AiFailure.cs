namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>Why an AI call failed; a failure never blocks a quote, it is logged and the quote goes on.</summary>
public enum AiFailure
{
    /// <summary>No endpoint or key is configured.</summary>
    NotConfigured,

    /// <summary>No answer within <see cref="AiOptions.TimeoutSeconds"/>.</summary>
    Timeout,

    /// <summary>The server answered with an HTTP error (see <see cref="AiException.StatusCode"/>).</summary>
    HttpError,

    /// <summary>The server could not be reached.</summary>
    Unreachable,

    /// <summary>The server answered without any text.</summary>
    EmptyAnswer,
}
