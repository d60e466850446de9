using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Assistant;
using Sleek.Workflows.Marketplace.Assistant;

namespace Sleek.Workflows.Host.Endpoints.Assistant;

/// <summary>A message: the buyer's or the assistant's text, or a tool call with its arguments and structured result.</summary>
/// <param name="Id">Message id (a quote proposal's id for confirming it).</param>
/// <param name="Sequence">1, 2, … within the conversation.</param>
/// <param name="Role">user, assistant, tool or system.</param>
/// <param name="Status">complete, interrupted (a reply the model did not finish), awaiting_confirmation or confirmed (quote proposals).</param>
/// <param name="Content">The text (not for tool calls).</param>
/// <param name="ToolName">list_categories, price_quote, create_quote, my_quotes_and_orders, order_details, hand_over_to_ops.</param>
/// <param name="Arguments">What the model sent the tool.</param>
/// <param name="Result">What the tool answered: prices, totals and lead times shown to the buyer come from here.</param>
/// <param name="QuoteId">The quote a confirmed proposal requested.</param>
/// <param name="PromptTokens">Prompt tokens behind an assistant reply.</param>
/// <param name="CompletionTokens">Completion tokens behind it.</param>
/// <param name="CostUsd">Its cost in USD.</param>
/// <param name="CreatedAt">UTC.</param>
internal sealed record AssistantMessageDto(
    Guid Id, int Sequence, string Role, string Status, string? Content, string? ToolName, JsonNode? Arguments, JsonNode? Result, Guid? QuoteId,
    int PromptTokens, int CompletionTokens, decimal CostUsd, DateTime CreatedAt)
{
    public static AssistantMessageDto From(AssistantMessage m) => new(
        m.Id, m.Sequence, AssistantStatusNames.Of(m.Role), AssistantStatusNames.Of(m.Status), m.Content, m.ToolName,
        m.ToolArguments is null ? null : JsonNode.Parse(m.ToolArguments), m.ToolResult is null ? null : JsonNode.Parse(m.ToolResult), m.QuoteId,
        m.PromptTokens, m.CompletionTokens, m.CostUsd, m.CreatedAt);

    /// <summary>The message as an event's data.</summary>
    public static JsonObject Json(AssistantMessage m) => JsonSerializer.SerializeToNode(From(m), JsonSerializerOptions.Web)!.AsObject();
}

/// <summary>A conversation with its totals and, when read alone, its messages.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Title">The first words of the first message.</param>
/// <param name="Status">open or handed_over.</param>
/// <param name="SignedIn">False for an anonymous visitor's conversation (catalog and prices only).</param>
/// <param name="HandoverInstanceId">The ops hand-over workflow instance.</param>
/// <param name="PromptTokens">All prompt tokens so far.</param>
/// <param name="CompletionTokens">All completion tokens so far.</param>
/// <param name="CostUsd">All cost so far, USD.</param>
/// <param name="CreatedAt">UTC.</param>
/// <param name="UpdatedAt">UTC.</param>
/// <param name="Messages">In order; empty in lists.</param>
internal sealed record AssistantConversationDto(
    Guid Id, string Title, string Status, bool SignedIn, Guid? HandoverInstanceId, long PromptTokens, long CompletionTokens, decimal CostUsd,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<AssistantMessageDto> Messages)
{
    public static AssistantConversationDto From(AssistantConversation c, IEnumerable<AssistantMessage>? messages = null) => new(
        c.Id, c.Title, AssistantStatusNames.Of(c.Status), c.OwnerUserId is not null, c.HandoverInstanceId, c.PromptTokens, c.CompletionTokens, c.CostUsd,
        c.CreatedAt, c.UpdatedAt, [.. (messages ?? []).Select(AssistantMessageDto.From)]);
}

/// <summary>A message from the buyer.</summary>
/// <param name="Text">1 to Ai:Assistant:MaxMessageLength (4,000) characters.</param>
internal sealed record AssistantMessageRequest(string? Text);

/// <summary>Whether the assistant is on, and where the quote form is when it is not.</summary>
/// <param name="Available">False without Ai:Endpoint (and key): use the form.</param>
/// <param name="FormUrl">The quote form.</param>
/// <param name="SignedIn">Whether this caller gets the buyer's tools (quotes, orders, hand-over) or only the catalog and prices.</param>
internal sealed record AssistantStatusDto(bool Available, string FormUrl, bool SignedIn);
