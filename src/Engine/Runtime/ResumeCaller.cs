using System.Security.Claims;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Who asks for a resume, handed through to the <see cref="IResumeGuard"/>s and <see cref="IResumeObserver"/>s: an API
/// caller's principal as the host authenticated it, or the system itself (a verified webhook, a benchmark), by name.
/// The engine reads neither; it only makes sure every path carries one.
/// </summary>
/// <param name="Principal">The caller's principal; null for the system.</param>
/// <param name="SystemName">What in the system resumes (e.g. <c>stripe-webhook</c>); null for a caller.</param>
public sealed record ResumeCaller(ClaimsPrincipal? Principal, string? SystemName)
{
    /// <summary>True when the system resumes, not a caller.</summary>
    public bool IsSystem => Principal is null;

    /// <summary>An API caller.</summary>
    public static ResumeCaller Of(ClaimsPrincipal principal) => new(principal, null);

    /// <summary>The system itself, by name: guards let it pass, observers record it under that name.</summary>
    public static ResumeCaller Internal(string name) => new(null, name);
}
