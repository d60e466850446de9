using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Endpoints;
using Sleek.Workflows.Host.Setup;

namespace Sleek.Workflows.Host.Idempotency;

/// <summary>
/// Honours an <c>Idempotency-Key</c> header: the first request with a key runs and its response
/// (status, body, location) is stored in the database; a repeat with the same key and the same request
/// gets that response again (header <c>Idempotent-Replayed: true</c>) and runs nothing. The same key
/// with another request is 422; a repeat while the first still runs is 409. Keys are per endpoint and
/// caller and expire after <see cref="SleekSettings.IdempotencyKeyHours"/>. Responses of 500 and up
/// are not stored, so the client can retry them with the same key.
/// </summary>
internal sealed class IdempotencyFilter(
    IdempotencyStore store,
    SleekSettings settings,
    IServiceProviderIsService services,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider clock,
    ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Claims of this process whose release failed because the database was away (released in the background).</summary>
    private static readonly ConcurrentDictionary<(string Scope, string Key, DateTime StartedAt), byte> PendingReleases = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            // No key, nothing stored. Should the request's commit outcome be unknown (a database outage), its answer offers
            // a key made now; a start's instance id is derived from that key (ClaimIdOf), so a repeat with it finds the
            // instance the first run may have created instead of starting a second one.
            // Made when first asked for: most requests never need it.
            var madeKey = new Lazy<string>(() => "sleek-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            http.Items[typeof(IdempotencyFilter)] = new KeyInUse(madeKey, new Lazy<Guid>(() => IdempotencyRecord.ClaimIdFor(ScopeOf(http), madeKey.Value, RequestHash(context))));
            return await next(context);
        }

        var key = values.ToString();
        if (values.Count != 1 || string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyRecord.MaxKeyLength)
        {
            return Problems.Invalid(HeaderName, $"must be one value of 1 to {IdempotencyRecord.MaxKeyLength} characters");
        }

        var scope = ScopeOf(http);
        var hash = RequestHash(context);
        var claim = await store.BeginAsync(scope, key, hash, TimeSpan.FromHours(settings.IdempotencyKeyHours), http.RequestAborted);
        if (claim.Outcome == IdempotencyOutcome.InFlight && claim.Existing is { } held && PendingReleases.TryRemove((scope, key, held.CreatedAt), out _))
        {
            // Our own claim, whose request failed while the database was away: the database answers again, so give it up
            // now rather than answer the client's repeat "still running" until the background release gets to it.
            await store.ReleaseAsync(scope, key, held.CreatedAt, http.RequestAborted);
            claim = await store.BeginAsync(scope, key, hash, TimeSpan.FromHours(settings.IdempotencyKeyHours), http.RequestAborted);
        }
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                return new ReplayResult(claim.Existing!);
            case IdempotencyOutcome.Mismatch:
                return TypedResults.Problem(
                    detail: $"The {HeaderName} '{key}' was already used on this endpoint with a different request (path or body). Send a new key for a new request.",
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Idempotency key reused for a different request",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [HeaderName] = ["was used for a different request"] } });
            case IdempotencyOutcome.InFlight:
                http.Response.Headers.RetryAfter = "1";
                return Problems.Conflict($"A request with this {HeaderName} is still being processed. Repeat it once that one has finished to get its response.");
        }

        http.Items[typeof(IdempotencyFilter)] = new KeyInUse(new Lazy<string>(key), new Lazy<Guid>(claim.ClaimId));
        return await RunAndStoreAsync(context, next, scope, key, claim.StartedAt);
    }

    /// <summary>
    /// The claim id of the request's <c>Idempotency-Key</c>, or of the key made for a request without one (null on
    /// endpoints without this filter): stable across a repeat with that key that runs again because the first run's host
    /// died or its commit's outcome was unknown, so a handler can use it as the id of what it creates and find the first
    /// run's result instead of creating a second.
    /// </summary>
    public static Guid? ClaimIdOf(HttpContext http) => http.Items.TryGetValue(typeof(IdempotencyFilter), out var used) && used is KeyInUse key ? key.ClaimId.Value : null;

    /// <summary>The key a repeat of this request should carry: the client's, or one made for it (null on endpoints without this filter).</summary>
    public static string? RetryKeyOf(HttpContext http) => http.Items.TryGetValue(typeof(IdempotencyFilter), out var used) && used is KeyInUse key ? key.Key.Value : null;

    private async Task<object?> RunAndStoreAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string scope, string key, DateTime startedAt)
    {
        var http = context.HttpContext;
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        using var renewing = new CancellationTokenSource();
        var renewals = RenewWhileRunningAsync(scope, key, startedAt, renewing.Token);
        try
        {
            var result = await next(context);
            if (result is not IResult handlerResult)
            {
                // Every endpoint this filter is on returns an IResult; anything else is passed on, unstored.
                await StopAsync(renewing, renewals);
                await ReleaseAsync(scope, key, startedAt);
                return result;
            }

            // Write the response into a buffer first, so it can be stored before the client gets it.
            http.Response.Body = buffer;
            await handlerResult.ExecuteAsync(http);
        }
        catch
        {
            http.Response.Body = original;
            await StopAsync(renewing, renewals);
            await ReleaseAsync(scope, key, startedAt);
            throw;
        }

        http.Response.Body = original;
        await StopAsync(renewing, renewals);
        var status = http.Response.StatusCode;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            await ReleaseAsync(scope, key, startedAt);
        }
        else
        {
            var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            try
            {
                await store.CompleteAsync(scope, key, startedAt, status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, body, CancellationToken.None);
                logger.LogDebug("Stored the {Status} response for {Header} {Key} ({Scope})", status, HeaderName, key, scope);
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
            {
                // The request did its work, only its answer could not be kept: the client still gets it. A repeat runs again
                // and finds that work (a start its instance, a resume its consumed bookmark).
                logger.LogWarning("Could not store the {Status} response for {Header} {Key} ({Error}); answering it unstored", status, HeaderName, key, ex.Message);
                await ReleaseAsync(scope, key, startedAt);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>
    /// Gives the claim up so a repeat runs at once. When the database is away (the reason the request failed, often), the
    /// request's own error must reach the client, not this one: the release is retried in the background until the claim
    /// would have lapsed anyway (<see cref="IdempotencyStore.InFlightLease"/>); until then a repeat gets 409 with Retry-After.
    /// </summary>
    private async Task ReleaseAsync(string scope, string key, DateTime startedAt)
    {
        try
        {
            await store.ReleaseAsync(scope, key, startedAt, CancellationToken.None);
        }
        catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
        {
            logger.LogWarning("Could not release the claim of {Header} {Key} ({Error}); retrying in the background", HeaderName, key, ex.Message);
            PendingReleases[(scope, key, startedAt)] = 0;
            _ = Task.Run(() => ReleaseLaterAsync(scope, key, startedAt));
        }
    }

    private async Task ReleaseLaterAsync(string scope, string key, DateTime startedAt)
    {
        var until = clock.GetUtcNow() + store.InFlightLease;
        while (clock.GetUtcNow() < until && PendingReleases.ContainsKey((scope, key, startedAt)))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            try
            {
                await store.ReleaseAsync(scope, key, startedAt, CancellationToken.None);
                break;
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
            {
                // Still away; the claim lapses on its own at the end of its lease.
            }
        }

        PendingReleases.TryRemove((scope, key, startedAt), out _);
    }

    /// <summary>Keeps the key's in-flight claim alive while the request runs, so only a dead host's claim lapses.</summary>
    private async Task RenewWhileRunningAsync(string scope, string key, DateTime startedAt, CancellationToken stop)
    {
        if (store.RenewEvery is not { } every)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(every, clock);
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await store.RenewAsync(scope, key, startedAt, stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not renew the in-flight claim of {Header} {Key}; retrying in {Interval}", HeaderName, key, every);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The request finished.
        }
    }

    private static async Task StopAsync(CancellationTokenSource renewing, Task renewals)
    {
        await renewing.CancelAsync();
        await renewals;
    }

    /// <summary>Endpoint (route pattern) and caller: keys of different clients or endpoints never meet.</summary>
    private static string ScopeOf(HttpContext http)
    {
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        var caller = http.User.Identity is { IsAuthenticated: true, Name: { } name } ? $"user:{name}" : "anonymous";
        return $"{http.Request.Method} {route} {caller}";
    }

    /// <summary>
    /// SHA-256 of method, path, query and the bound request values (body, route values), serialized as
    /// JSON: a repeat counts as the same request when it means the same, whatever its whitespace.
    /// </summary>
    private string RequestHash(EndpointFilterInvocationContext context)
    {
        var request = context.HttpContext.Request;
        var text = new StringBuilder().Append(request.Method).Append(' ').Append(request.Path.Value).Append(request.QueryString.Value).Append('\n');
        foreach (var argument in context.Arguments)
        {
            if (argument is CancellationToken or HttpContext || (argument is not null && services.IsService(argument.GetType())))
            {
                continue;
            }

            text.Append(argument is null ? "null" : JsonSerializer.Serialize(argument, argument.GetType(), json.Value.SerializerOptions)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The key of a request (the client's, or made for it) and the claim id that goes with it, derived when first asked for.</summary>
    private sealed record KeyInUse(Lazy<string> Key, Lazy<Guid> ClaimId);

    /// <summary>The stored response, as the first request got it.</summary>
    private sealed class ReplayResult(IdempotencyRecord stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = stored.StatusCode!.Value;
            response.Headers[ReplayedHeader] = "true";
            if (stored.ContentType is not null)
            {
                response.ContentType = stored.ContentType;
            }

            if (stored.Location is not null)
            {
                response.Headers.Location = stored.Location;
            }

            if (!string.IsNullOrEmpty(stored.ResponseBody))
            {
                await response.WriteAsync(stored.ResponseBody, Encoding.UTF8);
            }
        }
    }
}
