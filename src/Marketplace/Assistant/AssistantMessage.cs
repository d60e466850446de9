namespace Sleek.Workflows.Marketplace.Assistant;

/// <summary>
/// One message of a conversation (table <c>assistant_messages</c>): the buyer's text, the model's reply with its tokens
/// and cost, or one tool call with its arguments and result (JSON text).
/// </summary>
public sealed class AssistantMessage
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The conversation.</summary>
    public Guid ConversationId { get; set; }

    /// <summary>1, 2, … within the conversation.</summary>
    public int Sequence { get; set; }

    /// <summary>Who wrote it.</summary>
    public AssistantMessageRole Role { get; set; }

    /// <summary>Complete, interrupted, or a proposal's state.</summary>
    public AssistantMessageStatus Status { get; set; }

    /// <summary>The text (user, assistant, system); null for tool calls.</summary>
    public string? Content { get; set; }

    /// <summary>The tool's name (tool calls).</summary>
    public string? ToolName { get; set; }

    /// <summary>The model's call id (tool calls).</summary>
    public string? ToolCallId { get; set; }

    /// <summary>The arguments the model sent, as JSON (tool calls).</summary>
    public string? ToolArguments { get; set; }

    /// <summary>What the tool answered, as JSON (tool calls): the UI shows prices and dates from here, never from text.</summary>
    public string? ToolResult { get; set; }

    /// <summary>The quote a confirmed proposal started.</summary>
    public Guid? QuoteId { get; set; }

    /// <summary>The model that answered (assistant messages).</summary>
    public string? Model { get; set; }

    /// <summary>Prompt tokens of the model calls behind this reply.</summary>
    public int PromptTokens { get; set; }

    /// <summary>Completion tokens of the model calls behind this reply.</summary>
    public int CompletionTokens { get; set; }

    /// <summary>USD of the model calls behind this reply (6 decimals).</summary>
    public decimal CostUsd { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}
