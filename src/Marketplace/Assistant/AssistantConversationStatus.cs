namespace Sleek.Workflows.Marketplace.Assistant;

/// <summary>Where a conversation stands (stored as snake_case text).</summary>
public enum AssistantConversationStatus
{
    /// <summary>The buyer and the assistant are talking.</summary>
    Open,

    /// <summary>An ops task carries it; the buyer may still write.</summary>
    HandedOver,
}
