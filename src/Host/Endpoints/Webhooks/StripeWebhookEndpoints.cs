using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Hardening;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Endpoints.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/stripe</c>: the raw body is verified against <c>Stripe-Signature</c> before anything
/// is read from it. A refused webhook is a 400 problem, logged as a security event with the reason, and
/// changes nothing; a verified one is handed to <see cref="StripeWebhookHandler"/>.
/// </summary>
internal static class StripeWebhookEndpoints
{
    /// <summary>Stripe's events are a few KB; anything far larger is not one.</summary>
    private const int MaxBodyBytes = 512 * 1024;

    private static readonly EventId SecurityEvent = new(4001, "SecurityEvent");

    public static void MapStripeWebhookEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/webhooks/stripe", ReceiveAsync)
            // Stripe cannot sign in: the signature check below is this endpoint's authentication.
            .AllowAnonymous()
            .WithMetadata(new RequestSizeLimit(MaxBodyBytes))
            .WithTags("Webhooks")
            .WithName("ReceiveStripeWebhook")
            .WithSummary("Stripe webhook (signature checked): payment_intent.succeeded marks the invoice paid and resumes the order's workflow; other events are acknowledged.");

    private static async Task<Results<Ok<StripeWebhookReceipt>, BadRequestProblem, UnprocessableProblem, UnavailableProblem>> ReceiveAsync(HttpContext http, StripePayments stripe, StripeWebhookHandler handler, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StripeWebhookEndpoints).FullName!);
        var payload = await ReadBodyAsync(http.Request, cancellationToken);
        if (payload is null)
        {
            return Refuse(logger, http, "TooLarge", $"the body is over {MaxBodyBytes} bytes", "body");
        }

        Stripe.Event stripeEvent;
        try
        {
            stripeEvent = stripe.ParseWebhook(payload, http.Request.Headers["Stripe-Signature"].FirstOrDefault());
        }
        catch (StripeWebhookException ex) when (ex.Reason == StripeWebhookFailure.NotConfigured)
        {
            logger.LogError(SecurityEvent, "Security event: Stripe webhook refused ({Reason}) from {RemoteIp}: {Detail}", ex.Reason, http.Connection.RemoteIpAddress, ex.Message);
            return Problems.Unavailable("Stripe webhooks are not configured", ex.Message);
        }
        catch (StripeWebhookException ex)
        {
            await http.RequestServices.GetRequiredService<IAuditLog>().RecordAsync(http, AuditActions.WebhookBadSignature, AuditOutcome.Denied, "stripe", $"{ex.Reason}: {ex.Message}", 400, cancellationToken);
            var field = ex.Reason is StripeWebhookFailure.Malformed or StripeWebhookFailure.ApiVersionMismatch ? "body" : "Stripe-Signature";
            return Refuse(logger, http, ex.Reason.ToString(), ex.Message, field);
        }

        var outcome = await handler.HandleAsync(stripeEvent, cancellationToken);
        if (outcome.Result == StripeWebhookResult.Rejected)
        {
            return Problems.Unprocessable("The event does not match the invoice", outcome.Message, outcome.Field ?? "body");
        }

        logger.LogInformation("Stripe event {EventId} ({Type}): {Result}: {Message}", stripeEvent.Id, stripeEvent.Type, outcome.Result, outcome.Message);
        return TypedResults.Ok(StripeWebhookReceipt.From(outcome));
    }

    private static BadRequestProblem Refuse(ILogger logger, HttpContext http, string reason, string detail, string field)
    {
        logger.LogWarning(SecurityEvent, "Security event: Stripe webhook refused ({Reason}) from {RemoteIp}: {Detail}", reason, http.Connection.RemoteIpAddress, detail);
        return Problems.Invalid($"Stripe webhook refused: {detail}", new Dictionary<string, string[]> { [field] = [detail] });
    }

    /// <summary>The body as UTF-8 text exactly as sent (the signature covers these bytes), or null when too large.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
