using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Activities.Quotes;

/// <summary>
/// Stores a priced quote (status quote_requested, number Q-&lt;year&gt;-&lt;n&gt;) in the burst's transaction.
/// The request is checked again with <see cref="QuoteRequestValidator"/>, since a workflow can be started
/// without the quote API; a quote that already exists (a re-run) is returned as it is.
/// </summary>
[Activity(
    "CreateQuote",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Create quote",
    Description = "Stores the priced quote (number Q-<year>-<n>, status quote_requested) for the buyer's request.",
    OutputType = "object")]
public sealed class CreateQuote : IActivity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The quote's id (the instance's correlation id).</summary>
    [Input(Required = true, Description = "The quote id, e.g. input.quoteId.")]
    public string QuoteId { get; set; } = "";

    /// <summary>The buyer's request: productType, quantity, complexity, fabric, requirements, email, name, buyerUserId.</summary>
    [Input(Required = true, Description = "The buyer's request (productType, quantity, complexity, fabric, requirements, email, name, buyerUserId), e.g. input.")]
    public JsonObject? Request { get; set; }

    /// <summary>CalculateQuote's output: unitPrice, total, leadTimeDays.</summary>
    [Input(Required = true, Description = "The price from CalculateQuote (unitPrice, total, leadTimeDays).")]
    public JsonObject? Pricing { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(QuoteId, "quoteId", out var quoteId, out var idError))
        {
            return ActivityResult.Fault(idError);
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        if (await db.Quotes.SingleOrDefaultAsync(q => q.Id == quoteId, context.CancellationToken) is { } existing)
        {
            return ActivityResult.Done(QuoteOutput.Of(existing));
        }

        if (Request is null)
        {
            return ActivityResult.Fault("request is missing; pass the buyer's request (e.g. input)");
        }

        QuoteRequest? request;
        try
        {
            request = Request.Deserialize<QuoteRequest>(Json);
        }
        catch (JsonException ex)
        {
            return ActivityResult.Fault($"request is not a quote request: {ex.Message}");
        }

        var validation = QuoteRequestValidator.Validate(request ?? new QuoteRequest(), DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime));
        if (!validation.IsValid)
        {
            return ActivityResult.Fault("request is invalid: " + string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        var valid = validation.Request!;
        var computed = QuotePricing.Calculate(valid.Category, valid.Complexity, valid.Quantity);
        if (!TryRead(Pricing, "unitPrice", out var unitPrice) || !TryRead(Pricing, "total", out var total) || !TryRead(Pricing, "leadTimeDays", out var leadTime))
        {
            return ActivityResult.Fault("pricing must have numbers unitPrice, total and leadTimeDays (the output of CalculateQuote)");
        }

        if (Math.Round(unitPrice, 4) != Math.Round(computed.UnitPrice, 4) || total != computed.Total)
        {
            // The price is computed in code; a pricing input that disagrees was not made for this request.
            return ActivityResult.Fault($"pricing ({unitPrice} per unit, {total} total) does not match the request ({computed.UnitPrice} per unit, {computed.Total} total)");
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        var quote = new Quote
        {
            Id = quoteId,
            Number = await DocumentNumbers.NextAsync(db, DocumentNumbers.Quote, now.Year, context.CancellationToken),
            ProductType = valid.Category.Key,
            Quantity = valid.Quantity,
            Complexity = valid.Complexity,
            Fabric = valid.Fabric,
            Requirements = valid.Requirements,
            NeededBy = valid.Needs.NeededBy,
            RequiredCertifications = [.. valid.Needs.RequiredCertifications],
            AllowedCountries = [.. valid.Needs.AllowedCountries],
            BlockedCountries = [.. valid.Needs.BlockedCountries],
            Email = valid.Email,
            Name = valid.Name,
            BuyerUserId = Request["buyerUserId"] is JsonValue user && user.TryGetValue<string>(out var userId) && userId.Length > 0 ? userId : null,
            UnitPrice = unitPrice,
            Total = total,
            LeadTimeDays = (int)leadTime,
            Status = QuoteStatus.QuoteRequested,
            WorkflowInstanceId = context.InstanceId,
            CreatedAt = now,
        };
        db.Quotes.Add(quote);
        await db.SaveChangesAsync(context.CancellationToken);
        return ActivityResult.Done(QuoteOutput.Of(quote));
    }

    private static bool TryRead(JsonObject? pricing, string name, out decimal value)
    {
        value = 0;
        return pricing?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value);
    }
}
