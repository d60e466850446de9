using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Host.Endpoints.Quotes;

/// <summary>A quote as the API shows it.</summary>
/// <param name="Id">The quote id (also the correlation id of its workflow instance).</param>
/// <param name="Number">Q-2026-0001.</param>
/// <param name="ProductType">Category key.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Complexity">simple, medium or complex.</param>
/// <param name="Fabric">As requested.</param>
/// <param name="Requirements">As requested (stored verbatim; escape it when showing it as HTML).</param>
/// <param name="Email">The buyer's email.</param>
/// <param name="Name">The buyer's name.</param>
/// <param name="UnitPrice">USD per unit.</param>
/// <param name="Total">USD.</param>
/// <param name="Currency">USD.</param>
/// <param name="LeadTimeDays">Days from order to delivery.</param>
/// <param name="DiscountPercent">Percent off promised before acceptance (the discount follow-up); 0 when none.</param>
/// <param name="DiscountedTotal">USD the order will cost when accepted with the promised discount; null when none.</param>
/// <param name="Status">quote_requested, quote_sent, accepted, expired or cancelled.</param>
/// <param name="AiSuggestions">AI-written suggestions, when AI is configured and answered.</param>
/// <param name="InstanceId">The quote-to-delivery workflow instance.</param>
/// <param name="OrderId">The order made from it, once accepted.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="AcceptedAt">UTC.</param>
/// <param name="ProductId">The catalog product the quote was asked for from, if any.</param>
internal sealed record QuoteDto(
    Guid Id,
    string Number,
    string ProductType,
    int Quantity,
    string Complexity,
    string? Fabric,
    string? Requirements,
    string Email,
    string? Name,
    decimal UnitPrice,
    decimal Total,
    string Currency,
    int LeadTimeDays,
    int DiscountPercent,
    decimal? DiscountedTotal,
    string Status,
    JsonNode? AiSuggestions,
    Guid? InstanceId,
    Guid? OrderId,
    DateTime CreatedAt,
    DateTime? AcceptedAt,
    Guid? ProductId = null)
{
    /// <summary>The buyer's deadline, required certifications and allowed/blocked countries.</summary>
    public OrderRequirementsDto OrderRequirements { get; init; } = OrderRequirementsDto.None;

    public static QuoteDto From(Quote quote) => new(
        quote.Id,
        quote.Number,
        quote.ProductType,
        quote.Quantity,
        quote.Complexity.ToString().ToLowerInvariant(),
        quote.Fabric,
        quote.Requirements,
        quote.Email,
        quote.Name,
        quote.UnitPrice,
        quote.Total,
        "USD",
        quote.LeadTimeDays,
        quote.DiscountPercent,
        quote.DiscountPercent > 0 ? QuoteDiscount.Apply(quote.Total, quote.DiscountPercent) : null,
        quote.Status.ToName(),
        ParseSuggestions(quote.AiSuggestions),
        quote.WorkflowInstanceId,
        quote.OrderId,
        quote.CreatedAt,
        quote.AcceptedAt,
        quote.ProductId)
    {
        OrderRequirements = OrderRequirementsDto.From(quote.NeededBy, quote.RequiredCertifications, quote.AllowedCountries, quote.BlockedCountries),
    };

    private static JsonNode? ParseSuggestions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Stored as plain text by an older writer: show it as it is.
            return JsonValue.Create(text);
        }
    }
}
