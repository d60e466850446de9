using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Endpoints.Orders;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Endpoints.Invoices;

/// <summary>Invoices: read one or an order's, and take a Stripe payment intent for one.</summary>
internal static class InvoicesEndpoints
{
    public static void MapInvoicesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/invoices/{id:guid}", GetAsync)
            .RequireAuthorization(SleekPolicies.OrdersRead)
            .WithTags("Invoices")
            .WithName("GetInvoice")
            .WithSummary("An invoice with its payments.");
        app.MapGet("/api/orders/{id:guid}/invoices", ListAsync)
            .RequireAuthorization(SleekPolicies.OrdersRead)
            .WithTags("Invoices")
            .WithName("ListOrderInvoices")
            .WithSummary("An order's invoices, oldest first.");
        app.MapPost("/api/invoices/{id:guid}/payment-intent", CreatePaymentIntentAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithTags("Invoices")
            .WithName("CreateInvoicePaymentIntent")
            .WithIdempotency()
            .WithSummary("A Stripe payment intent for a pending invoice (the same one again while it is open): its client secret is for Stripe.js.");
        app.MapInvoicePdfEndpoints();
    }

    private static async Task<Results<Ok<InvoiceDto>, NotFoundProblem>> GetAsync(
        Guid id, HttpContext http, InvoiceQueries invoices, OrderQueries orders, IAuditLog audit, CancellationToken cancellationToken)
    {
        var invoice = await invoices.FindAsync(id, cancellationToken);
        if (invoice is null || !await MaySeeAsync(http, orders, invoice.OrderId, audit, $"invoice={id}", cancellationToken))
        {
            return Problems.NotFound($"invoice {id} does not exist");
        }

        return TypedResults.Ok(InvoiceDto.From(invoice, await invoices.PaymentsAsync(id, cancellationToken)));
    }

    private static async Task<Results<Ok<IEnumerable<InvoiceDto>>, NotFoundProblem>> ListAsync(
        Guid id, HttpContext http, InvoiceQueries invoices, OrderQueries orders, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!await MaySeeAsync(http, orders, id, audit, $"order={id} invoices", cancellationToken))
        {
            return Problems.NotFound($"order {id} does not exist");
        }

        return TypedResults.Ok((await invoices.OfOrderAsync(id, cancellationToken)).Select(i => InvoiceDto.From(i)));
    }

    private static async Task<Results<Ok<PaymentIntentDto>, NotFoundProblem, ConflictProblem, BadGatewayProblem, UnavailableProblem>> CreatePaymentIntentAsync(
        Guid id, HttpContext http, InvoiceQueries invoices, OrderQueries orders, StripePayments stripe, IAuditLog audit, CancellationToken cancellationToken)
    {
        var caller = SleekCaller.From(http.User);
        var invoice = await invoices.FindAsync(id, cancellationToken);
        // docs/domain.md: only the order's buyer or an admin takes a payment intent.
        var buyer = invoice is null ? null : (await orders.OwnershipAsync(invoice.OrderId, cancellationToken))?.BuyerUserId;
        if (invoice is not null && !caller.IsAdmin && !(caller.Role == SleekRoles.Buyer && buyer is not null && buyer == caller.Id))
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"invoice={id}", "payment intent", 404, cancellationToken);
            invoice = null;
        }

        if (invoice is null)
        {
            return Problems.NotFound($"invoice {id} does not exist");
        }

        if (!stripe.IsConfigured)
        {
            return Problems.Conflict("Stripe is not configured (Stripe:SecretKey is unset): ops confirm payments manually");
        }

        var cents = InvoiceAmounts.ToCents(invoice.Amount);
        if (InvoiceAmounts.PaymentIntentRefusal(invoice, cents) is { } refusal)
        {
            return Problems.Conflict(refusal);
        }

        try
        {
            // One open intent per invoice: reuse the stored one; a first one is created under a key of the invoice.
            var intent = invoice.PaymentIntentId is { } known
                ? await stripe.GetPaymentIntentAsync(known, cancellationToken)
                : await stripe.CreatePaymentIntentAsync(
                    new PaymentIntentRequest(cents, invoice.Currency, invoice.Id.ToString(), invoice.OrderId.ToString(), $"invoice-{invoice.Id:N}-payment-intent", $"Invoice {invoice.Number}"),
                    cancellationToken);
            if (InvoiceAmounts.PaymentIntentRefusal(invoice, intent.AmountCents) is { } mismatch)
            {
                return Problems.Conflict($"{mismatch} (payment intent {intent.Id})");
            }

            if (invoice.PaymentIntentId is null)
            {
                var stored = await invoices.StorePaymentIntentAsync(id, intent.Id, cancellationToken);
                if (stored != intent.Id)
                {
                    // The workflow stored its own intent meanwhile: hand out that one.
                    intent = await stripe.GetPaymentIntentAsync(stored, cancellationToken);
                }
            }

            return TypedResults.Ok(new PaymentIntentDto(invoice.Id, invoice.Number, intent.Id, intent.ClientSecret, InvoiceAmounts.FromCents(intent.AmountCents), invoice.Currency, stripe.PublishableKey));
        }
        catch (PaymentProviderException ex) when (ex.IsTransient)
        {
            return Problems.Unavailable("Stripe is unavailable; try again", ex.Message);
        }
        catch (PaymentProviderException ex)
        {
            return Problems.BadGateway("Stripe refused the payment intent", ex.Message);
        }
    }

    /// <summary>Invoices are the buyer's: staff, the order's buyer, or a key with orders:read (bound to that buyer, or unbound). Others get 404 (and an audit entry).</summary>
    private static async Task<bool> MaySeeAsync(HttpContext http, OrderQueries orders, Guid orderId, IAuditLog audit, string target, CancellationToken cancellationToken)
    {
        if (await orders.OwnershipAsync(orderId, cancellationToken) is not { } order)
        {
            return false;
        }

        if (ResourceAccess.CanSeeInvoice(SleekCaller.From(http.User), order.BuyerUserId))
        {
            return true;
        }

        await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, target, "read", 404, cancellationToken);
        return false;
    }
}
