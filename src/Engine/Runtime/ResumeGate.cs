using Microsoft.Extensions.Logging;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// The one place every resume a caller asks for passes — by token, by event, by task (<see cref="WorkflowRuntime"/>
/// routes all three here before anything of the resume is committed): every <see cref="IResumeGuard"/> is asked, the most hiding
/// refusal wins, and the <see cref="IResumeObserver"/>s hear of each refusal and each success. With neither registered
/// (engine tests, benchmarks) it is inactive and costs nothing.
/// </summary>
public sealed class ResumeGate(IEnumerable<IResumeGuard> guards, IEnumerable<IResumeObserver> observers, ILogger<ResumeGate> logger)
{
    private readonly IResumeGuard[] _guards = [.. guards];
    private readonly IResumeObserver[] _observers = [.. observers];

    /// <summary>False when nothing is registered: the runtime then skips the look-ups the guards would need.</summary>
    public bool Active => _guards.Length > 0 || _observers.Length > 0;

    /// <summary>
    /// Asks every guard about every attempt (an event may resume several waits: it is refused as a whole when any one
    /// is) and reports each refusal. Returns the most hiding refusal, or null when all allow.
    /// </summary>
    public async Task<ResumeRefusal?> CheckAsync(IEnumerable<ResumeAttempt> attempts, CancellationToken cancellationToken)
    {
        ResumeRefusal? worst = null;
        foreach (var attempt in attempts)
        {
            // An HttpEndpoint's wait is resumed by its hook route only, whose own auth the host checked: any other
            // caller (an event, a token) is told nothing waits.
            ResumeRefusal? refusal = attempt.WaitName.StartsWith(Hooks.HookRoute.BookmarkPrefix, StringComparison.Ordinal) && !attempt.Caller.IsSystem
                ? ResumeRefusal.Hidden("an HttpEndpoint's wait is resumed through its /api/hooks route only")
                : null;
            foreach (var guard in _guards)
            {
                if (await guard.CheckAsync(attempt, cancellationToken) is { } said && (refusal is null || said.Kind < refusal.Kind))
                {
                    refusal = said;
                }
            }

            if (refusal is null)
            {
                continue;
            }

            logger.LogInformation("Resume of {ActivityId} in instance {InstanceId} by {Path} refused ({Kind}): {Reason}", attempt.ActivityId, attempt.InstanceId, attempt.Path, refusal.Kind, refusal.Reason);
            foreach (var observer in _observers)
            {
                await TellAsync(observer.RefusedAsync(attempt, refusal, cancellationToken));
            }

            worst = worst is null || refusal.Kind < worst.Kind ? refusal : worst;
        }

        return worst;
    }

    /// <summary>Reports a wait this request resumed.</summary>
    public async Task ResumedAsync(ResumeAttempt attempt, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            await TellAsync(observer.ResumedAsync(attempt, cancellationToken));
        }
    }

    /// <summary>The refusal as the engine's answer: hidden ones as <paramref name="notFound"/> (what an unknown wait gets).</summary>
    internal static OperationResult<T> Answer<T>(ResumeRefusal refusal, string notFound) => refusal.Kind switch
    {
        ResumeRefusalKind.Hidden => OperationResult<T>.NotFound(notFound),
        ResumeRefusalKind.Forbidden => OperationResult<T>.Forbidden(refusal.Reason),
        ResumeRefusalKind.Invalid => OperationResult<T>.Invalid(
            $"{refusal.Field} {refusal.Reason}", new Dictionary<string, string[]> { [refusal.Field ?? "body"] = [refusal.Reason] }),
        _ => OperationResult<T>.Conflict(refusal.Reason),
    };

    private async Task TellAsync(ValueTask told)
    {
        try
        {
            await told;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "A resume observer failed; the resume itself is unaffected");
        }
    }
}
