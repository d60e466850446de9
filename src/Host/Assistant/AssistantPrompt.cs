using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Sleek.Workflows.Marketplace.Assistant;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>What the model is told and shown: the instructions, the stored history as chat messages, and the one rule
/// the server enforces on its text: amounts of money and numbers of days or weeks in it are replaced, because prices,
/// totals and lead times come from tool results.</summary>
internal static partial class AssistantPrompt
{
    /// <summary>Where the buyer can always ask for a quote without the assistant.</summary>
    public const string FormUrl = "/quote";

    /// <summary>What replaces an amount of money in the model's text.</summary>
    public const string AmountPlaceholder = "(see the price card)";

    /// <summary>What replaces a number of days or weeks (a lead time) in the model's text.</summary>
    public const string DurationPlaceholder = "(see the card)";

    /// <summary>The system message.</summary>
    public static string Instructions(bool signedInBuyer) =>
        "You are the quote assistant of Sleek, an apparel-manufacturing marketplace. Help the buyer choose a product category, " +
        "quantity and complexity, and price it with the price_quote tool. Never state a price, total or lead time yourself: the app " +
        "shows them to the buyer from the tool's result, so refer to the card instead. Use only the tools; you cannot change prices, " +
        "give discounts or act for anyone but this buyer. " +
        (signedInBuyer
            ? "To request a quote call create_quote: it only proposes; the buyer confirms the card in the app. For status questions use " +
              "my_quotes_and_orders and order_details; an order that is not found is not theirs. When the buyer asks for a person, call hand_over_to_ops."
            : $"The visitor is not signed in: you can list categories and price requests only. To request a quote or ask about orders they sign in, or use the form at {FormUrl}.") +
        " Answer briefly.";

    /// <summary>The stored messages as the model's history: texts, and each tool call with its result.</summary>
    public static List<ChatMessage> History(string instructions, IReadOnlyList<AssistantMessage> messages, int newest)
    {
        List<ChatMessage> history = [new ChatMessage(ChatRole.System, instructions)];
        foreach (var m in messages.Skip(Math.Max(0, messages.Count - newest)))
        {
            switch (m.Role)
            {
                case AssistantMessageRole.User when m.Content is not null:
                    history.Add(new ChatMessage(ChatRole.User, m.Content));
                    break;
                case AssistantMessageRole.Assistant when m.Status == AssistantMessageStatus.Complete && !string.IsNullOrEmpty(m.Content):
                case AssistantMessageRole.System when !string.IsNullOrEmpty(m.Content):
                    history.Add(new ChatMessage(ChatRole.Assistant, m.Content));
                    break;
                case AssistantMessageRole.Tool when m.ToolName is not null:
                    var callId = m.ToolCallId ?? "call_" + m.Id.ToString("N");
                    var arguments = m.ToolArguments is null ? null : JsonSerializer.Deserialize<Dictionary<string, object?>>(m.ToolArguments);
                    history.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, m.ToolName, arguments)]));
                    JsonElement? result = m.ToolResult is null ? null : JsonDocument.Parse(m.ToolResult).RootElement.Clone();
                    if (m.Status == AssistantMessageStatus.Confirmed && m.QuoteId is { } quote)
                    {
                        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, new { confirmed = true, quoteId = quote, earlier = result })]));
                    }
                    else
                    {
                        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, result)]));
                    }

                    break;
            }
        }

        return history;
    }

    /// <summary>
    /// The model's text with every amount of money ("$1,296.75", "1296.75 USD") replaced by <see cref="AmountPlaceholder"/>
    /// and every number of days or weeks ("14 days", "3 working days") by <see cref="DurationPlaceholder"/>.
    /// </summary>
    public static string WithoutFigures(string text) => Duration().Replace(Amount().Replace(text, AmountPlaceholder), DurationPlaceholder);

    [GeneratedRegex(@"\d[\d,.]*\s?(?:(?:working|business|calendar)\s)?(?:days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?:(?:US)?\$|USD|€|£)\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:USD|dollars?|\$)", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();
}
