using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Idempotency;
using Sleek.Workflows.Host.RateLimits;
using Sleek.Workflows.Marketplace.Links;

namespace Sleek.Workflows.Host.Endpoints.Quotes;

/// <summary>
/// A quote opened by its capability link (<c>?token=</c>, e-mailed to whoever asked for it without an account): view and
/// accept that one quote. A tampered, expired or other quote's token gets the same 404 as an unknown quote, and an
/// audit entry. Accepting resumes the workflow as <see cref="QuoteLinkCaller"/>, through the same guard as every resume.
/// </summary>
internal static class QuoteLinkEndpoints
{
    public static void MapQuoteLinkEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/link", GetAsync)
            // Anonymous by design: the token is the permission (README "Portal"); it opens one quote.
            .AllowAnonymous()
            .WithSleekRateLimit(RateLimitPolicies.QuoteLinks)
            .WithName("GetQuoteByLink")
            .WithSummary("The quote a capability link opens (?token= from the quote e-mail); 404 for a tampered, expired or other quote's token.");
        group.MapPost("/{id:guid}/link/accept", AcceptAsync)
            // The token (256-bit MAC) is the permission and cannot be guessed; the per-IP limit bounds a flood of audited refusals.
            .AllowAnonymous()
            .WithSleekRateLimit(RateLimitPolicies.QuoteLinks)
            .WithIdempotency()
            .WithName("AcceptQuoteByLink")
            .WithSummary("Accepts the quote its capability link opens, through its workflow (like POST /api/quotes/{id}/accept); 200 with orderId, 409 when no longer open.");
    }

    private static async Task<Results<Ok<QuoteDto>, NotFoundProblem>> GetAsync(
        Guid id, string? token, HttpContext http, QuoteLinks links, QuoteQueries quotes, IAuditLog audit, CancellationToken cancellationToken)
    {
        var quote = await OpenAsync(id, token, http, links, quotes, audit, cancellationToken);
        return quote is null ? Problems.NotFound($"no quote has id {id}") : TypedResults.Ok(QuoteDto.From(quote));
    }

    private static async Task<Results<Ok<QuoteDto>, NotFoundProblem, ConflictProblem, BadRequestProblem, BadGatewayProblem>> AcceptAsync(
        Guid id, string? token, HttpContext http, QuoteLinks links, WorkflowRuntime runtime, InstanceQueries queries, QuoteQueries quotes, IAuditLog audit, CancellationToken cancellationToken)
    {
        var quote = await OpenAsync(id, token, http, links, quotes, audit, cancellationToken);
        if (quote is null)
        {
            return Problems.NotFound($"no quote has id {id}");
        }

        return await QuotesEndpoints.AcceptQuoteAsync(quote, QuoteLinkCaller.Principal(quote.Id), runtime, queries, quotes, cancellationToken);
    }

    /// <summary>The quote, when the token opens it; else null (audited: which check failed, never the token).</summary>
    private static async Task<Marketplace.Quotes.Quote?> OpenAsync(
        Guid id, string? token, HttpContext http, QuoteLinks links, QuoteQueries quotes, IAuditLog audit, CancellationToken cancellationToken)
    {
        var refusal = links.Check(id, token);
        var quote = refusal is null ? await quotes.FindAsync(id, cancellationToken) : null;
        if (refusal is null && quote is null)
        {
            refusal = "unknown quote";
        }

        if (refusal is not null)
        {
            await audit.RecordAsync(http, AuditActions.QuoteLinkRefused, AuditOutcome.Denied, $"quote={id}", $"{http.Request.Method} quote link: {refusal}", 404, cancellationToken);
            return null;
        }

        return quote;
    }
}
