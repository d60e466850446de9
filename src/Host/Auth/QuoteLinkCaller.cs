using System.Security.Claims;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// The caller a verified quote capability link stands for: no account, one quote. Its accept goes through the
/// workflow's one resume path like a signed-in buyer's (<see cref="ResumeAccessGuard"/> asks <see cref="ResourceAccess"/>,
/// which asks <see cref="Check"/>): it may raise <c>QuoteAccepted</c> on the instance of that quote, nothing else.
/// </summary>
public static class QuoteLinkCaller
{
    /// <summary>The authentication type of the principal (never issued as a token; made per request from a verified link).</summary>
    public const string AuthenticationType = "QuoteLink";

    /// <summary>The principal of a verified link to <paramref name="quoteId"/>.</summary>
    public static ClaimsPrincipal Principal(Guid quoteId) => new(new ClaimsIdentity(
        [
            new Claim(SleekClaims.Subject, $"quote-link:{quoteId}"),
            new Claim(SleekClaims.Name, $"link to quote {quoteId}"),
            new Claim(SleekClaims.QuoteLink, quoteId.ToString("D")),
        ],
        AuthenticationType,
        SleekClaims.Name,
        SleekClaims.Role));

    /// <summary>Null when the link's holder may resume this wait; else why not.</summary>
    public static ResumeRefusal? Check(Guid quoteId, ResumeAttempt attempt)
    {
        if (attempt.CorrelationId != quoteId.ToString("D"))
        {
            return ResumeRefusal.Hidden($"wait {attempt.ActivityId} of instance {attempt.InstanceId} is not of quote {quoteId}");
        }

        return attempt.Task is null && !attempt.IsTimer && PartyEvents.MayRaise(SleekRoles.Buyer, attempt.WaitName) && attempt.WaitName == "QuoteAccepted"
            ? null
            : ResumeRefusal.Forbidden($"a quote link may only accept its quote, not resume '{attempt.ActivityId}'");
    }
}
