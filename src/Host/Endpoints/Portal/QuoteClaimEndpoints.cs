using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Endpoints.Portal;

/// <summary>The buyer portal's claim of earlier anonymous quotes (see <see cref="QuoteClaims"/>).</summary>
internal static class QuoteClaimEndpoints
{
    public static void MapQuoteClaimEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal").WithTags("Portal");
        group.MapPost("/claim-quotes", ClaimAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithIdempotency()
            .WithName("ClaimQuotes")
            .WithSummary("With the token of the quote-claim e-mail (sent on registering), moves the quotes asked for with the signed-in buyer's e-mail without an account, and their orders, to the account; 200 with the counts. A token of another account, tampered or expired: 400 naming token.");
        group.MapPost("/claim-quotes/send", SendAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithIdempotency()
            .WithName("SendQuoteClaimLink")
            .WithSummary("Sends the quote-claim e-mail again to the signed-in buyer's address when quotes without an account were asked for with it; 202 with how many.");
    }

    private static async Task<Results<Ok<QuoteClaimResult>, BadRequestProblem, ForbiddenProblem>> ClaimAsync(
        QuoteClaimBody body, HttpContext http, QuoteClaims claims, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (Buyer(http) is not { } buyer)
        {
            return Problems.Forbidden("Only buyers claim quotes", "quotes asked for without an account can be added to a buyer account only");
        }

        if (string.IsNullOrWhiteSpace(body.Token))
        {
            return Problems.Invalid("token", "is required: the link of the e-mail carries it");
        }

        if (claims.Check(buyer.Id, buyer.Email, body.Token) is { } refusal)
        {
            await audit.RecordAsync(http, AuditActions.QuoteClaimRefused, AuditOutcome.Denied, buyer.Email, refusal, 400, cancellationToken);
            return Problems.Invalid("token", refusal == "expired"
                ? "this link has expired; ask for a new one from My quotes"
                : "this link is not for this account; sign in with the account the e-mail was sent to");
        }

        var (quotes, orders) = await claims.ClaimAsync(buyer.Id, buyer.Email, cancellationToken);
        await audit.RecordAsync(http, AuditActions.QuotesClaimed, AuditOutcome.Success, buyer.Email, $"quotes={quotes} orders={orders}", 200, cancellationToken);
        return TypedResults.Ok(new QuoteClaimResult(quotes, orders));
    }

    private static async Task<Results<Accepted<QuoteClaimResult>, ForbiddenProblem>> SendAsync(HttpContext http, QuoteClaims claims, CancellationToken cancellationToken)
    {
        if (Buyer(http) is not { } buyer)
        {
            return Problems.Forbidden("Only buyers claim quotes", "quotes asked for without an account can be added to a buyer account only");
        }

        var count = await claims.OfferAsync(buyer.Id, buyer.Email, null, cancellationToken);
        return TypedResults.Accepted((string?)null, new QuoteClaimResult(count, 0));
    }

    private static (Guid Id, string Email)? Buyer(HttpContext http)
    {
        var caller = SleekCaller.From(http.User);
        return caller is { Role: SleekRoles.Buyer, IsApiKey: false, Name: { } email } && Guid.TryParse(caller.Id, out var id) ? (id, email) : null;
    }
}

/// <summary>Body of <c>POST /api/portal/claim-quotes</c>.</summary>
/// <param name="Token">The <c>token</c> of the quote-claim e-mail's link.</param>
internal sealed record QuoteClaimBody(string? Token);

/// <summary>What a claim moved (or, for a resend, how many quotes wait to be claimed).</summary>
/// <param name="Quotes">Quotes now in the account.</param>
/// <param name="Orders">Their orders now in the account.</param>
internal sealed record QuoteClaimResult(int Quotes, int Orders);
