using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Assistant;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Endpoints.Quotes;
using Sleek.Workflows.Host.Idempotency;
using Sleek.Workflows.Host.RateLimits;
using Sleek.Workflows.Marketplace.Assistant;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Host.Endpoints.Assistant;

/// <summary>
/// The quote assistant (docs/architecture.md, "The quote assistant"): conversations, a message's reply streamed as
/// server-sent events, and the confirmation of a quote card, which starts the quote workflow exactly as <c>POST /api/quotes</c>
/// does (its validation, rate limit and idempotency). Anonymous visitors may talk (catalog and prices only); what a
/// conversation holds is its owner's (<see cref="AssistantConversations"/>).
/// </summary>
internal static class AssistantEndpoints
{
    private const int TitleLength = 80;

    public static void MapAssistantEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assistant").WithTags("Assistant");
        // Anonymous by design: anyone may price a request, as with POST /api/quotes; the tools decide what a caller gets.
        group.MapGet("/", Status).AllowAnonymous().WithName("AssistantStatus")
            .WithSummary("Whether the assistant is available (an AI endpoint is configured) and the quote form's address to use when it is not.");
        group.MapPost("/conversations", CreateAsync).AllowAnonymous().WithName("StartAssistantConversation")
            .WithSummary("Starts a conversation with its first message ({text}) and streams the reply like POST …/{id}/messages, after a first conversation event with the new id (also in Location). A signed-in buyer's conversation is theirs; an anonymous visitor's is reached by its id and gets catalog and prices only. 400 naming text, 429 (Retry-After) when the day's token budget is spent.");
        group.MapGet("/conversations", ListAsync).RequireAuthorization(SleekPolicies.SignedIn).WithName("ListAssistantConversations")
            .WithSummary("Conversations, newest first, paged: buyers their own; admin and ops all.");
        group.MapGet("/conversations/{id:guid}", GetAsync).AllowAnonymous().WithName("GetAssistantConversation")
            .WithSummary("A conversation with its messages, tool calls (arguments and results), tokens and cost. Its owner, and admin or ops (from the hand-over task); anyone else 404.");
        group.MapPost("/conversations/{id:guid}/messages", PostMessageAsync).AllowAnonymous().WithName("PostAssistantMessage")
            .WithSummary("Sends the buyer's message; the reply streams as text/event-stream: user, then delta (text) and tool (a tool call with its result) events, then message (the stored reply) or error (apology and formUrl; without an AI endpoint the only event, saying the assistant is unavailable). 400 naming text, 404, 409 while a reply runs, 429 with Retry-After when the budget is spent.");
        group.MapPost("/conversations/{id:guid}/proposals/{messageId:guid}/confirm", ConfirmAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithSleekRateLimit(RateLimitPolicies.Quotes)
            .WithIdempotency()
            .WithName("ConfirmAssistantQuote")
            .WithSummary("The buyer confirms a quote card the assistant proposed: the quote is priced again and its workflow started as POST /api/quotes does; 201 with the quote. 409 when it was confirmed already.");
    }

    private static Ok<AssistantStatusDto> Status(HttpContext http, AssistantModel model) =>
        TypedResults.Ok(new AssistantStatusDto(model.IsConfigured, AssistantPrompt.FormUrl, SleekCaller.From(http.User).Role == SleekRoles.Buyer));

    private static async Task<Results<ServerSentEventsResult<JsonObject>, BadRequestProblem, BudgetSpentProblem>> CreateAsync(
        AssistantMessageRequest? body, HttpContext http, AssistantTurns turns, AssistantBudget budget, AssistantModel model, AssistantOptions options,
        MarketplaceDb marketplace, TimeProvider clock, CancellationToken cancellationToken)
    {
        // A conversation begins with something said: an empty or hostile body creates nothing.
        if (CheckText(body, options, out var text) is { } invalid)
        {
            return invalid;
        }

        if (!model.IsConfigured)
        {
            return TypedResults.ServerSentEvents(Unavailable());
        }

        var caller = SleekCaller.From(http.User);
        var now = clock.GetUtcNow().UtcDateTime;
        var conversation = new AssistantConversation
        {
            OwnerUserId = caller.Id,
            OwnerIp = caller.Id is null ? ClientAddress.Of(http) : null,
            Title = text.Length <= TitleLength ? text : text[..TitleLength] + "…",
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (await budget.SpentAsync(conversation, cancellationToken) is { } retryAfter)
        {
            return Spent(retryAfter);
        }

        await using var db = marketplace.CreateContext();
        db.AssistantConversations.Add(conversation);
        await db.WriteAsync(cancellationToken);
        turns.TryBegin(conversation.Id);
        http.Response.Headers.Location = $"/api/assistant/conversations/{conversation.Id}";
        return TypedResults.ServerSentEvents(Started(conversation, turns.RunAsync(conversation, text, http, http.RequestAborted)));
    }

    /// <summary>The new conversation's id first, then its first turn.</summary>
    private static async IAsyncEnumerable<SseItem<JsonObject>> Started(AssistantConversation conversation, IAsyncEnumerable<SseItem<JsonObject>> turn)
    {
        yield return new SseItem<JsonObject>(JsonSerializer.SerializeToNode(AssistantConversationDto.From(conversation), JsonSerializerOptions.Web)!.AsObject(), "conversation");
        await foreach (var item in turn)
        {
            yield return item;
        }
    }

    /// <summary>The message's text, trimmed, or the 400 naming <c>text</c>.</summary>
    private static BadRequestProblem? CheckText(AssistantMessageRequest? body, AssistantOptions options, out string text)
    {
        text = body?.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Problems.Invalid("text", "a message needs some text");
        }

        return text.Length > options.MaxMessageLength ? Problems.Invalid("text", $"must be at most {options.MaxMessageLength:N0} characters (got {text.Length:N0})") : null;
    }

    private static async Task<Results<Ok<Page<AssistantConversationDto>>, BadRequestProblem>> ListAsync(
        [AsParameters] PageRequest paging, HttpContext http, MarketplaceDb marketplace, CancellationToken cancellationToken)
    {
        if (paging.Problem() is { } problem)
        {
            return problem;
        }

        var caller = SleekCaller.From(http.User);
        await using var db = marketplace.CreateContext();
        var query = db.AssistantConversations.AsNoTracking();
        if (!caller.IsStaff)
        {
            var own = caller.Id ?? "";
            query = query.Where(c => c.OwnerUserId == own);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await paging.Slice(query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<AssistantConversationDto>([.. items.Select(c => AssistantConversationDto.From(c))], paging.Number, paging.Size, total));
    }

    private static async Task<Results<Ok<AssistantConversationDto>, NotFoundProblem>> GetAsync(
        Guid id, HttpContext http, AssistantConversations conversations, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindAsync(http, id, write: false, cancellationToken);
        return conversation is null
            ? Problems.NotFound($"no conversation has id {id}")
            : TypedResults.Ok(AssistantConversationDto.From(conversation, await conversations.MessagesAsync(id, cancellationToken)));
    }

    private static async Task<Results<ServerSentEventsResult<JsonObject>, BadRequestProblem, NotFoundProblem, ConflictProblem, BudgetSpentProblem>> PostMessageAsync(
        Guid id, AssistantMessageRequest? body, HttpContext http, AssistantConversations conversations, AssistantTurns turns, AssistantBudget budget,
        AssistantModel model, AssistantOptions options, CancellationToken cancellationToken)
    {
        if (CheckText(body, options, out var text) is { } invalid)
        {
            return invalid;
        }

        var conversation = await conversations.FindAsync(http, id, write: true, cancellationToken);
        if (conversation is null)
        {
            return Problems.NotFound($"no conversation has id {id}");
        }

        if (!model.IsConfigured)
        {
            // Nothing breaks: the assistant says so in its own stream, with the form's address.
            return TypedResults.ServerSentEvents(Unavailable());
        }

        if (await budget.SpentAsync(conversation, cancellationToken) is { } retryAfter)
        {
            return Spent(retryAfter);
        }

        if (!turns.TryBegin(id))
        {
            return Problems.Conflict("the assistant is still answering the previous message of this conversation; send this one when it has finished");
        }

        // The stream's end is the stream's: a client that leaves cancels it, and the turn records what was said.
        return TypedResults.ServerSentEvents(turns.RunAsync(conversation, text, http, http.RequestAborted));
    }

    private static async Task<Results<Created<QuoteDto>, NotFoundProblem, ConflictProblem, BadRequestProblem, BadGatewayProblem, UnavailableProblem>> ConfirmAsync(
        Guid id, Guid messageId, HttpContext http, AssistantConversations conversations, MarketplaceDb marketplace, WorkflowRuntime runtime, QuoteQueries quotes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindAsync(http, id, write: true, cancellationToken);
        if (conversation is null)
        {
            return Problems.NotFound($"no conversation has id {id}");
        }

        await using var db = marketplace.CreateContext();
        var proposal = await db.AssistantMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == messageId && m.ConversationId == id && m.ToolName == "create_quote", cancellationToken);
        if (proposal is null || proposal.Status is not (AssistantMessageStatus.AwaitingConfirmation or AssistantMessageStatus.Confirmed))
        {
            return Problems.NotFound($"conversation {id} has no quote proposal {messageId}");
        }

        // One quote per card: the claim is one conditional update, so two confirmations cannot both start one.
        var claimed = await db.WriteAsync(
            ct => db.AssistantMessages.Where(m => m.Id == messageId && m.Status == AssistantMessageStatus.AwaitingConfirmation)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, AssistantMessageStatus.Confirmed), ct),
            cancellationToken);
        if (claimed == 0)
        {
            return Problems.Conflict($"this quote card was confirmed already (quote {proposal.QuoteId})", new { quoteId = proposal.QuoteId });
        }

        // The card's own request (what the tool validated and priced), never anything the model or the client adds now.
        var request = ProposalRequest(proposal, SleekCaller.From(http.User).Name);
        var created = (await QuotesEndpoints.CreateAsync(request, http, runtime, quotes, cancellationToken)).Result;
        if (created is not Created<QuoteDto> { Value: { } quote } ok)
        {
            await db.WriteAsync(
                ct => db.AssistantMessages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, AssistantMessageStatus.AwaitingConfirmation), ct),
                cancellationToken);
            return created switch
            {
                BadRequestProblem bad => bad,
                BadGatewayProblem gateway => gateway,
                UnavailableProblem unavailable => unavailable,
                _ => Problems.Unavailable("Quotes are not available", "the quote could not be requested"),
            };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.WriteAsync(
            ct => db.AssistantMessages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.QuoteId, quote.Id), ct),
            cancellationToken);
        var next = await conversations.NextSequenceAsync(id, cancellationToken);
        db.AssistantMessages.Add(new AssistantMessage
        {
            ConversationId = id,
            Sequence = next,
            Role = AssistantMessageRole.System,
            Status = AssistantMessageStatus.Complete,
            Content = $"The buyer confirmed the card: quote {quote.Number} was requested (see My quotes).",
            QuoteId = quote.Id,
            CreatedAt = now,
        });
        await db.WriteAsync(cancellationToken);
        return ok;
    }

    /// <summary>The quote request a proposal's stored result describes, with the buyer's account e-mail.</summary>
    private static QuoteRequest ProposalRequest(AssistantMessage proposal, string? email)
    {
        var result = JsonNode.Parse(proposal.ToolResult ?? "{}")!.AsObject();
        return new QuoteRequest
        {
            ProductType = result["productType"]?.GetValue<string>(),
            Quantity = result["quantity"]?.GetValue<decimal>(),
            Complexity = result["complexity"]?.GetValue<string>(),
            Fabric = result["fabric"]?.GetValue<string>(),
            Requirements = result["requirements"]?.GetValue<string>(),
            Email = email,
        };
    }

    private static async IAsyncEnumerable<SseItem<JsonObject>> Unavailable()
    {
        await Task.CompletedTask;
        yield return new SseItem<JsonObject>(
            new JsonObject
            {
                ["detail"] = $"The quote assistant is not available on this server. Request a quote with the form at {AssistantPrompt.FormUrl}.",
                ["formUrl"] = AssistantPrompt.FormUrl,
                ["message"] = null,
            },
            "error");
    }

    private static BudgetSpentProblem Spent(int retryAfter) =>
        new(retryAfter, $"Today's assistant budget is spent; it renews at midnight UTC (in {retryAfter} s). Meanwhile the quote form at {AssistantPrompt.FormUrl} works as always.");
}
