using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// The engine's hook into <see cref="ResourceAccess"/>: every resume a caller asks for — a bookmark's token, an event, a
/// task's completion — is decided by the same rules, in the engine's one resume path, so no endpoint can pass them by.
/// The system itself (Stripe's verified webhook) is not a party and passes.
/// </summary>
internal sealed class ResumeAccessGuard(ResourceAccess access) : IResumeGuard
{
    public async ValueTask<ResumeRefusal?> CheckAsync(ResumeAttempt attempt, CancellationToken cancellationToken) =>
        attempt.Caller.Principal is { } principal
            ? await access.CheckResumeAsync(SleekCaller.From(principal), attempt, cancellationToken)
            : null;
}
