namespace Sleek.Workflows.Marketplace.Assistant;

/// <summary>
/// One chat with the quote assistant (table <c>assistant_conversations</c>): whose it is, what it has cost, and whether
/// it was handed over to ops. A signed-in buyer's conversation is theirs (<see cref="OwnerUserId"/>); an anonymous
/// visitor's is held by its id (a random v4 guid) from the address it began at (<see cref="OwnerIp"/>).
/// </summary>
public sealed class AssistantConversation
{
    /// <summary>Id (random: an anonymous visitor's conversation is reached by it).</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The signed-in buyer's user id, or null for an anonymous visitor.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>The anonymous visitor's client address (the per-IP budget counts by it); null for a signed-in buyer.</summary>
    public string? OwnerIp { get; set; }

    /// <summary>The first words of the first message.</summary>
    public string Title { get; set; } = "";

    /// <summary>Open, or handed over to ops.</summary>
    public AssistantConversationStatus Status { get; set; }

    /// <summary>The ops hand-over workflow instance, once handed over.</summary>
    public Guid? HandoverInstanceId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC of the last message.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Prompt tokens of every model call so far.</summary>
    public long PromptTokens { get; set; }

    /// <summary>Completion tokens of every model call so far.</summary>
    public long CompletionTokens { get; set; }

    /// <summary>USD of every model call so far (6 decimals).</summary>
    public decimal CostUsd { get; set; }
}
