using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Endpoints.Orders;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>
/// The tools the model may call in one turn, each run as the conversation's caller with the API's own checks: anyone
/// gets the catalog and prices; a signed-in buyer also proposes quotes (never starts one: the buyer confirms the card),
/// reads their own quotes and orders (another buyer's order is "not found", audited like the GET), and hands over to
/// ops. No tool takes a price: prices come from <see cref="QuotePricing"/>. Every call is stored with its arguments and
/// result (<see cref="AssistantTurnRecorder"/>).
/// </summary>
internal sealed class AssistantTools(HttpContext http, SleekCaller caller, AssistantConversation conversation, AssistantTurnRecorder recorder, IServiceProvider services)
{
    /// <summary>The workflow a hand-over starts: one ops task carrying the conversation.</summary>
    public const string HandoverWorkflowId = "assistant-handover";

    private const int ListSize = 10;

    /// <summary>The tools this caller may use: a signed-in buyer all, anyone else the catalog and prices.</summary>
    public IList<AITool> For()
    {
        List<AITool> tools =
        [
            AIFunctionFactory.Create(ListCategories, "list_categories", "The product categories (key, name, base price per unit in USD) and the complexities with their price factors."),
            AIFunctionFactory.Create(PriceQuote, "price_quote", "Computes the price and lead time of a quote request without creating anything. The app shows the result to the buyer."),
        ];
        if (caller.Role == SleekRoles.Buyer && caller.Id is not null)
        {
            tools.Add(AIFunctionFactory.Create(CreateQuote, "create_quote", "Proposes a quote request for the buyer. Nothing starts until the buyer confirms the summary card the app shows; the result says it needs confirmation."));
            tools.Add(AIFunctionFactory.Create(MyQuotesAndOrders, "my_quotes_and_orders", "The signed-in buyer's newest quotes and orders with their status."));
            tools.Add(AIFunctionFactory.Create(OrderDetails, "order_details", "One of the buyer's orders: status, timeline, production stages and invoices."));
            tools.Add(AIFunctionFactory.Create(HandOverToOps, "hand_over_to_ops", "Hands the conversation over to a person in operations, who will answer by e-mail."));
        }

        return tools;
    }

    private Task<JsonObject> ListCategories(CancellationToken cancellationToken) =>
        RecordAsync("list_categories", new JsonObject
        {
            ["categories"] = new JsonArray([.. CategoryCatalog.All.Select(c => (JsonNode)new JsonObject
            {
                ["key"] = c.Key,
                ["name"] = c.DisplayName,
                ["basePrice"] = c.BasePrice,
            })]),
            ["complexities"] = new JsonArray([.. Enum.GetValues<Complexity>().Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.ToString().ToLowerInvariant(),
                ["factor"] = QuotePricing.ComplexityFactor(c),
            })]),
            ["currency"] = "USD",
            ["minQuantity"] = QuotePricing.MinQuantity,
            ["maxQuantity"] = QuotePricing.MaxQuantity,
        }, AssistantMessageStatus.Complete, cancellationToken);

    private Task<JsonObject> PriceQuote(
        [Description("Category key or name, e.g. t_shirt or \"T-shirt\".")] string productType,
        [Description("Units, a whole number from 50 to 100000.")] decimal quantity,
        [Description("simple, medium (default) or complex.")] string? complexity = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new JsonObject();
        var category = QuoteRequestValidator.CheckProductType(productType, (f, m) => errors[f] = m);
        var units = QuoteRequestValidator.CheckQuantity(quantity, (f, m) => errors[f] = m);
        if (!QuotePricing.TryParseComplexity(complexity, out var parsed))
        {
            errors["complexity"] = $"complexity '{complexity}' is not one of simple, medium, complex";
        }

        var result = errors.Count > 0 ? new JsonObject { ["error"] = "The request cannot be priced.", ["errors"] = errors } : Priced(category!, parsed, units);
        return RecordAsync("price_quote", result, AssistantMessageStatus.Complete, cancellationToken);
    }

    private async Task<JsonObject> CreateQuote(
        [Description("Category key or name.")] string productType,
        [Description("Units, a whole number from 50 to 100000.")] decimal quantity,
        [Description("simple, medium (default) or complex.")] string? complexity = null,
        [Description("Fabric, optional, at most 100 characters.")] string? fabric = null,
        [Description("Other requirements, optional, at most 2000 characters.")] string? requirements = null,
        CancellationToken cancellationToken = default)
    {
        // The same rules as the form; the e-mail is the buyer's own account's.
        var validation = QuoteRequestValidator.Validate(new QuoteRequest
        {
            ProductType = productType,
            Quantity = quantity,
            Complexity = complexity,
            Fabric = fabric,
            Requirements = requirements,
            Email = caller.Name,
        });
        if (!validation.IsValid)
        {
            var errors = new JsonObject();
            foreach (var (field, messages) in validation.Errors)
            {
                errors[field] = string.Join(" ", messages);
            }

            return await RecordAsync("create_quote", new JsonObject { ["error"] = "The quote request is invalid.", ["errors"] = errors }, AssistantMessageStatus.Complete, cancellationToken);
        }

        var valid = validation.Request!;
        var result = Priced(valid.Category, valid.Complexity, valid.Quantity);
        result["needsConfirmation"] = true;
        result["note"] = "Nothing is requested yet: the buyer must confirm the summary card the app shows.";
        result["fabric"] = valid.Fabric;
        result["requirements"] = valid.Requirements;
        result["email"] = valid.Email;
        return await RecordAsync("create_quote", result, AssistantMessageStatus.AwaitingConfirmation, cancellationToken);
    }

    private async Task<JsonObject> MyQuotesAndOrders(CancellationToken cancellationToken)
    {
        var own = caller.Id!;
        await using var db = services.GetRequiredService<MarketplaceDb>().CreateContext();
        var quotes = await db.Quotes.AsNoTracking().Where(q => q.BuyerUserId == own).OrderByDescending(q => q.CreatedAt).Take(ListSize)
            .Select(q => new { q.Id, q.Number, q.Status, q.ProductType, q.Quantity, q.Total, q.LeadTimeDays, q.CreatedAt }).ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(o => o.BuyerUserId == own).OrderByDescending(o => o.CreatedAt).Take(ListSize)
            .Select(o => new { o.Id, o.Number, o.Status, o.ProductType, o.Quantity, o.Total, o.CreatedAt }).ToListAsync(cancellationToken);
        var result = new JsonObject
        {
            ["quotes"] = new JsonArray([.. quotes.Select(q => (JsonNode)new JsonObject
            {
                ["id"] = q.Id.ToString(),
                ["number"] = q.Number,
                ["status"] = q.Status.ToName(),
                ["productType"] = q.ProductType,
                ["quantity"] = q.Quantity,
                ["total"] = q.Total,
                ["leadTimeDays"] = q.LeadTimeDays,
                ["createdAt"] = q.CreatedAt,
            })]),
            ["orders"] = new JsonArray([.. orders.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.Id.ToString(),
                ["number"] = o.Number,
                ["status"] = o.Status.ToName(),
                ["productType"] = o.ProductType,
                ["quantity"] = o.Quantity,
                ["total"] = o.Total,
                ["createdAt"] = o.CreatedAt,
            })]),
            ["currency"] = "USD",
        };
        return await RecordAsync("my_quotes_and_orders", result, AssistantMessageStatus.Complete, cancellationToken);
    }

    private async Task<JsonObject> OrderDetails([Description("The order's number (ORD-2026-0001) or id.")] string order, CancellationToken cancellationToken)
    {
        var orders = services.GetRequiredService<OrderQueries>();
        Guid? id = Guid.TryParse(order, out var parsed) ? parsed : null;
        if (id is null && order.Length <= 30)
        {
            await using var db = services.GetRequiredService<MarketplaceDb>().CreateContext();
            var number = order.Trim().ToUpperInvariant();
            id = await db.Orders.AsNoTracking().Where(o => o.Number == number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        }

        var ownership = id is { } found ? await orders.OwnershipAsync(found, cancellationToken) : null;
        if (ownership is not null && !ResourceAccess.CanSeeOrder(caller, ownership.BuyerUserId, ownership.SupplierId))
        {
            // The GET's rule and its audit entry: another buyer's order does not exist for this caller.
            await services.GetRequiredService<IAuditLog>().RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"order={id}", "assistant order_details", 404, cancellationToken);
            ownership = null;
        }

        var dto = ownership is null ? null : await orders.GetAsync(id!.Value, cancellationToken);
        if (dto is null)
        {
            return await RecordAsync("order_details", new JsonObject { ["error"] = $"No order '{Short(order)}' is among this buyer's orders." }, AssistantMessageStatus.Complete, cancellationToken);
        }

        var result = new JsonObject
        {
            ["id"] = dto.Id.ToString(),
            ["number"] = dto.Number,
            ["status"] = dto.Status,
            ["quoteNumber"] = dto.QuoteNumber,
            ["productType"] = dto.ProductType,
            ["quantity"] = dto.Quantity,
            ["total"] = dto.Total,
            ["currency"] = dto.Currency,
            ["timeline"] = JsonSerializer.SerializeToNode(dto.Timeline, JsonSerializerOptions.Web),
            ["stages"] = JsonSerializer.SerializeToNode(dto.Stages, JsonSerializerOptions.Web),
            ["invoices"] = JsonSerializer.SerializeToNode(dto.Invoices, JsonSerializerOptions.Web),
            ["shipment"] = JsonSerializer.SerializeToNode(dto.Shipment, JsonSerializerOptions.Web),
        };
        return await RecordAsync("order_details", result, AssistantMessageStatus.Complete, cancellationToken);
    }

    private async Task<JsonObject> HandOverToOps([Description("Why the buyer wants a person, in one sentence.")] string reason, CancellationToken cancellationToken)
    {
        var handover = services.GetRequiredService<AssistantHandover>();
        var result = await handover.StartAsync(conversation, caller, Short(reason, 500), cancellationToken);
        return await RecordAsync("hand_over_to_ops", result, AssistantMessageStatus.Complete, cancellationToken);
    }

    private static JsonObject Priced(Category category, Complexity complexity, int quantity)
    {
        var price = QuotePricing.Calculate(category, complexity, quantity);
        return new JsonObject
        {
            ["productType"] = category.Key,
            ["productName"] = category.DisplayName,
            ["quantity"] = quantity,
            ["complexity"] = complexity.ToString().ToLowerInvariant(),
            ["unitPrice"] = price.UnitPrice,
            ["total"] = price.Total,
            ["currency"] = "USD",
            ["samplingDays"] = price.SamplingDays,
            ["productionDays"] = price.ProductionDays,
            ["bufferDays"] = price.BufferDays,
            ["leadTimeDays"] = price.LeadTimeDays,
        };
    }

    private async Task<JsonObject> RecordAsync(string tool, JsonObject result, AssistantMessageStatus status, CancellationToken cancellationToken)
    {
        var call = FunctionInvokingChatClient.CurrentContext?.CallContent;
        var arguments = call?.Arguments is { } args ? JsonSerializer.SerializeToNode(args, JsonSerializerOptions.Web) : null;
        var messageId = await recorder.ToolAsync(tool, call?.CallId, arguments, result, status, cancellationToken);
        if (status == AssistantMessageStatus.AwaitingConfirmation)
        {
            result["proposalId"] = messageId.ToString();
        }

        return result;
    }

    private static string Short(string text, int max = 40) =>
        text.Length <= max ? text : text[..max].ToString(CultureInfo.InvariantCulture) + "…";
}
