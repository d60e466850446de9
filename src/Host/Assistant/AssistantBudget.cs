using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>
/// The daily token budgets: a signed-in buyer's (<see cref="AssistantOptions.DailyTokensPerUser"/>) and one IP address's
/// anonymous conversations' (<see cref="AssistantOptions.DailyTokensPerIp"/>), counted from the stored replies since
/// midnight UTC. A turn that starts under the budget may end a little over it; the next one is refused until midnight.
/// </summary>
internal sealed class AssistantBudget(MarketplaceDb marketplace, AssistantOptions options, TimeProvider clock)
{
    /// <summary>Null while tokens are left; else the seconds until the budget renews (midnight UTC).</summary>
    public async Task<int?> SpentAsync(AssistantConversation owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        await using var db = marketplace.CreateContext();
        var conversations = owner.OwnerUserId is { } user
            ? db.AssistantConversations.Where(c => c.OwnerUserId == user)
            : db.AssistantConversations.Where(c => c.OwnerUserId == null && c.OwnerIp == owner.OwnerIp);
        var ids = conversations.Where(c => c.UpdatedAt >= today).Select(c => c.Id);
        var spent = await db.AssistantMessages.Where(m => ids.Contains(m.ConversationId) && m.CreatedAt >= today)
            .SumAsync(m => (long)m.PromptTokens + m.CompletionTokens, cancellationToken);
        var limit = owner.OwnerUserId is null ? options.DailyTokensPerIp : options.DailyTokensPerUser;
        return spent < limit ? null : (int)Math.Ceiling((today.AddDays(1) - now).TotalSeconds);
    }
}
