using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Marketplace.Analytics;
using Sleek.Workflows.Host.Auth;

namespace Sleek.Workflows.Host.Endpoints.Analytics;

/// <summary><c>GET /api/analytics?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>: quotes per day, conversion, revenue, lead time, on-time rates.</summary>
internal static class AnalyticsEndpoints
{
    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/analytics", GetAsync)
            .RequireAuthorization(SleekPolicies.Ops)
            .WithTags("Analytics")
            .WithName("GetAnalytics")
            .WithSummary($"Marketplace figures for UTC days from..to (inclusive; default the last {MarketplaceAnalytics.DefaultDays} days, at most {MarketplaceAnalytics.MaxDays}).");

    private static async Task<Results<Ok<AnalyticsReport>, BadRequestProblem>> GetAsync(string? from, string? to, MarketplaceAnalytics analytics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!TryParseDay(to, today, out var last))
        {
            return Problems.Invalid("to", "must be a date written yyyy-MM-dd");
        }

        if (!TryParseDay(from, last.AddDays(1 - MarketplaceAnalytics.DefaultDays), out var first))
        {
            return Problems.Invalid("from", "must be a date written yyyy-MM-dd");
        }

        if (first > last)
        {
            return Problems.Invalid("from", $"must not be after to ({last:yyyy-MM-dd})");
        }

        if (last.DayNumber - first.DayNumber + 1 > MarketplaceAnalytics.MaxDays)
        {
            return Problems.Invalid("to", $"must be at most {MarketplaceAnalytics.MaxDays} days after from, both included");
        }

        return TypedResults.Ok(await analytics.ReportAsync(first, last, cancellationToken));
    }

    private static bool TryParseDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
