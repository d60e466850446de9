namespace Sleek.Workflows.Host.Auth;

/// <summary>Why a refresh token was refused.</summary>
internal enum RefreshRefusal
{
    /// <summary>No session has it.</summary>
    Unknown,

    /// <summary>Its session was revoked (signed out, password changed, account disabled, …).</summary>
    Revoked,

    /// <summary>It was used before: the session is revoked now.</summary>
    Reused,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>The user is no longer active.</summary>
    Inactive,

    /// <summary>Staff must now sign in with a second factor.</summary>
    TwoFactorRequired,
}

/// <summary>New tokens, or why not; with the user and session when known (for the audit log).</summary>
internal sealed record RefreshResult(SignInAnswer? Answer, RefreshRefusal? Refusal, Guid? UserId, Guid? SessionId)
{
    public static RefreshResult Refused(RefreshRefusal refusal, Guid? userId, Guid? sessionId) => new(null, refusal, userId, sessionId);
}
