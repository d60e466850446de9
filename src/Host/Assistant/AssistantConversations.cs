using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Assistant;

/// <summary>
/// Who may use a conversation: a signed-in buyer's is theirs (staff may read it, from the hand-over task); an anonymous
/// visitor's is reached by its random id, by anonymous callers only, so a signed-in tool result never lands in it. Any
/// other caller gets "not found", audited as the GET endpoints do.
/// </summary>
internal sealed class AssistantConversations(MarketplaceDb marketplace, IAuditLog audit)
{
    /// <summary>The conversation if the caller may read it (write: also post to it), else null.</summary>
    public async Task<AssistantConversation?> FindAsync(HttpContext http, Guid id, bool write, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var conversation = await db.AssistantConversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var caller = SleekCaller.From(http.User);
        var owner = conversation.OwnerUserId is { } user ? caller.Id == user : caller.Id is null;
        if (owner || (!write && caller.IsStaff))
        {
            return conversation;
        }

        await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"assistant-conversation={id}", $"{http.Request.Method} assistant conversation", 404, cancellationToken);
        return null;
    }

    /// <summary>The conversation's messages in order.</summary>
    public async Task<List<AssistantMessage>> MessagesAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.AssistantMessages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>The sequence the next message gets.</summary>
    public async Task<int> NextSequenceAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return (await db.AssistantMessages.Where(m => m.ConversationId == id).MaxAsync(m => (int?)m.Sequence, cancellationToken) ?? 0) + 1;
    }
}
