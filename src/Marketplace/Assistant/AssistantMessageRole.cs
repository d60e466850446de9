namespace Sleek.Workflows.Marketplace.Assistant;

/// <summary>Who wrote a message (stored as snake_case text).</summary>
public enum AssistantMessageRole
{
    /// <summary>The buyer.</summary>
    User,

    /// <summary>The model's reply.</summary>
    Assistant,

    /// <summary>A tool call the model made, with its arguments and result.</summary>
    Tool,

    /// <summary>A note from the system (a confirmed quote, an apology when the model failed).</summary>
    System,
}
