using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.RateLimits;

/// <summary>
/// The global limiter of ASP.NET Core's rate-limiting middleware. Endpoints opt in with
/// <see cref="SleekRateLimitMetadata"/>; each request is counted in fixed UTC-aligned windows of its
/// partitions (IP, user, anonymous session) in the database (<see cref="RateLimitCounterStore"/>). Every limited
/// answer carries <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (seconds
/// until the window ends) of its tightest window. A failing store refuses (503): never fail open.
/// </summary>
internal sealed class SleekRateLimiter(RateLimitCounterStore store, RateLimitOptions options, AnonymousSessions sessions, UserStates users, TimeProvider clock, ILogger<SleekRateLimiter> logger)
    : PartitionedRateLimiter<HttpContext>
{
    private const long Minute = 60;
    private const long Hour = 3600;
    private const long Day = 86400;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        PolicyOf(resource) is null ? SleekRateLimitLease.Free : SleekRateLimitLease.Pending;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (PolicyOf(resource) is not { } policy)
        {
            return SleekRateLimitLease.Free;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        RateLimitDecision? tightest = null;
        foreach (var (partition, limit, seconds) in await WindowsOfAsync(resource, policy, cancellationToken))
        {
            var start = now - (now % seconds);
            long count;
            try
            {
                count = await store.IncrementAsync(partition, start, start + seconds, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Rate-limit counters unavailable; refusing {Method} {Path} (fail closed)", resource.Request.Method, resource.Request.Path);
                return new SleekRateLimitLease(false, null, true);
            }

            var decision = new RateLimitDecision(partition, limit, Math.Max(0, limit - count), start + seconds - now, count <= limit);
            if (!decision.Allowed)
            {
                WriteHeaders(resource, decision);
                return new SleekRateLimitLease(false, decision, false);
            }

            if (tightest is null || decision.Remaining < tightest.Remaining)
            {
                tightest = decision;
            }
        }

        if (tightest is not null)
        {
            WriteHeaders(resource, tightest);
        }

        return new SleekRateLimitLease(true, tightest, false);
    }

    /// <summary>Answers a refused request: 503 when the store failed, else 429 with Retry-After (and an audit entry).</summary>
    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var lease = context.Lease as SleekRateLimitLease;
        if (lease is null || lease.StoreDown || lease.Decision is null)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "5";
            await Results.Problem(statusCode: 503, title: "Service unavailable", detail: "Rate limits cannot be checked right now, so the request was refused. Try again shortly.").ExecuteAsync(http);
            return;
        }

        var decision = lease.Decision;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, decision.ResetSeconds).ToString(CultureInfo.InvariantCulture);
        var audit = http.RequestServices.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(http, AuditActions.RateLimited, Identity.AuditOutcome.Limited, MaskPartition(decision.Partition), $"limit {decision.Limit} per {decision.ResetSeconds}s window", 429, cancellationToken);
        await Results.Problem(
            statusCode: 429,
            title: "Too many requests",
            detail: $"This limit allows {decision.Limit} requests per window; try again in {decision.ResetSeconds} s.").ExecuteAsync(http);
    }

    private static string? PolicyOf(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<SleekRateLimitMetadata>()?.Policy;

    private static string MaskPartition(string partition) =>
        partition.Contains(":session:", StringComparison.Ordinal) ? partition[..(partition.IndexOf(":session:", StringComparison.Ordinal) + 9)] + "…" : partition;

    private static void WriteHeaders(HttpContext http, RateLimitDecision decision)
    {
        var headers = http.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<List<(string Partition, long Limit, long Seconds)>> WindowsOfAsync(HttpContext http, string policy, CancellationToken cancellationToken)
    {
        var ip = ClientAddress.Of(http);
        switch (policy)
        {
            case RateLimitPolicies.Quotes:
                var caller = SleekCaller.From(http.User);
                if (caller.Id is { } id)
                {
                    // A new self-registered account also spends its IP's anonymous budget: registering accounts
                    // cannot multiply what one IP may ask for (docs/domain.md, "Limits").
                    return await IsNewSelfRegisteredAsync(caller, cancellationToken)
                        ? [($"quotes:user:{id}", options.QuotesPerUserPerDay, Day), ($"quotes:ip:{ip}", options.QuotesPerIpPerDay, Day)]
                        : [($"quotes:user:{id}", options.QuotesPerUserPerDay, Day)];
                }

                // Anonymous: the session's own limit first (a refused session does not use up the IP's), then the IP's.
                return
                [
                    ($"quotes:session:{sessions.GetOrIssue(http)}", options.QuotesPerSessionPerDay, Day),
                    ($"quotes:ip:{ip}", options.QuotesPerIpPerDay, Day),
                ];
            case RateLimitPolicies.Bootstrap:
                return [($"bootstrap:ip:{ip}", options.BootstrapPerIpPerHour, Hour)];
            case RateLimitPolicies.Login:
                return [($"login:ip:{ip}", options.LoginPerIpPerMinute, Minute)];
            case RateLimitPolicies.Register:
                return [($"register:ip:{ip}", options.RegisterPerIpPerHour, Hour)];
            case RateLimitPolicies.Refresh:
                return [($"refresh:ip:{ip}", options.RefreshPerIpPerMinute, Minute)];
            case RateLimitPolicies.Hooks:
                // Only a public route is counted (the handler checks the others' key or role).
                return await Endpoints.Hooks.HookEndpoints.IsPublicRouteAsync(http, cancellationToken)
                    ? [($"hooks:ip:{ip}", options.PublicHooksPerIpPerMinute, Minute)]
                    : [];
            case RateLimitPolicies.PasswordReset:
                return [($"password-reset:ip:{ip}", options.PasswordResetPerIpPerHour, Hour)];
            case RateLimitPolicies.QuoteLinks:
                return [($"quote-links:ip:{ip}", options.QuoteLinksPerIpPerMinute, Minute)];
            default:
                throw new InvalidOperationException($"endpoint {http.GetEndpoint()?.DisplayName} names the unknown rate limit '{policy}'");
        }
    }

    /// <summary>A user's account made by self-registration less than <see cref="RateLimitOptions.NewAccountDays"/> ago.</summary>
    private async Task<bool> IsNewSelfRegisteredAsync(SleekCaller caller, CancellationToken cancellationToken)
    {
        if (caller.IsApiKey || options.NewAccountDays <= 0 || !Guid.TryParse(caller.Id, out var userId))
        {
            return false;
        }

        // Read (and cached) by the token check of this very request.
        var user = await users.UserAsync(userId, cancellationToken);
        return user is { SelfRegistered: true } && clock.GetUtcNow().UtcDateTime - user.CreatedAt < TimeSpan.FromDays(options.NewAccountDays);
    }
}
