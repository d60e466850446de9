using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Idempotency;
using Sleek.Workflows.Host.RateLimits;

namespace Sleek.Workflows.Host.Endpoints.Quotes;

/// <summary>
/// Quotes: a buyer's request starts the quote-to-delivery workflow (correlation id = quote id), whose first
/// burst prices, stores and emails the quote before the answer; accepting publishes <c>QuoteAccepted</c>,
/// whose burst creates the order before the answer.
/// </summary>
internal static class QuotesEndpoints
{
    /// <summary>The workflow a quote request starts.</summary>
    public const string WorkflowId = "quote-to-delivery";

    /// <summary>How long accept waits for a worker that took the QuoteAccepted burst to create the order.</summary>
    private static readonly TimeSpan OrderWait = TimeSpan.FromSeconds(10);

    public static void MapQuotesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/quotes").WithTags("Quotes");
        group.MapPost("/", CreateAsync)
            // Anonymous by design (docs/architecture.md, README "Security"), held by per-IP/per-session (anonymous) or per-user limits instead.
            .AllowAnonymous()
            .WithSleekRateLimit(RateLimitPolicies.Quotes)
            .WithIdempotency()
            .WithName("RequestQuote")
            .WithSummary("Prices a quote request (every bad field named in a 400) and starts its quote-to-delivery workflow; 201 with price, lead time and instance id. With an Idempotency-Key a repeat gets the same quote.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(SleekPolicies.SignedIn).WithName("GetQuote").WithSummary("One quote with its status and, once accepted, its order id. Buyers see their own quotes only; admin and ops all.");
        group.MapPost("/{id:guid}/accept", AcceptAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithIdempotency()
            .WithName("AcceptQuote")
            .WithSummary("Accepts a quote: its workflow creates the order at once; 200 with the quote and orderId. Already accepted or expired: 409 with the current quote.");
        group.MapQuoteLinkEndpoints();
        group.MapQuoteListEndpoints();
    }

    // Also the assistant's quote-card confirmation (AssistantEndpoints): one validation and one way to start a quote.
    internal static async Task<Results<Created<QuoteDto>, BadRequestProblem, BadGatewayProblem, UnavailableProblem>> CreateAsync(
        QuoteRequest request, HttpContext http, WorkflowRuntime runtime, QuoteQueries quotes, CancellationToken cancellationToken)
    {
        var validation = QuoteRequestValidator.Validate(request, DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        // "Ask for a quote" on a catalog product: the quote references that product (issue 15).
        var catalog = http.RequestServices.GetRequiredService<ProductCatalog>();
        var (product, productErrors) = await QuoteProducts.CheckAsync(request, validation.Request, catalog, cancellationToken);
        if (!validation.IsValid || productErrors.Count > 0)
        {
            var errors = validation.Errors.Concat(productErrors).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            return Problems.Invalid("The quote request is invalid: " + string.Join(", ", errors.Keys) + ".", errors);
        }

        var valid = validation.Request!;
        var quoteId = Guid.CreateVersion7();
        var input = new JsonObject
        {
            ["quoteId"] = quoteId.ToString(),
            ["productType"] = valid.Category.Key,
            ["quantity"] = valid.Quantity,
            ["complexity"] = valid.Complexity.ToString().ToLowerInvariant(),
            ["email"] = valid.Email,
        };
        AddOptional(input, "fabric", valid.Fabric);
        AddOptional(input, "requirements", valid.Requirements);
        AddOptional(input, "name", valid.Name);
        OrderRequirementsDto.AddTo(input, valid.Needs);
        // A signed-in buyer's quote is theirs: only they (and staff) can read and accept it.
        var caller = SleekCaller.From(http.User);
        if (caller.Role == SleekRoles.Buyer)
        {
            input["buyerUserId"] = caller.Id;
        }

        // With an Idempotency-Key the instance id is the key's claim id: a repeat after a crash finds the first instance (and its quote).
        var started = await runtime.StartAsync(new StartRequest(WorkflowId, null, quoteId.ToString(), input, IdempotencyFilter.ClaimIdOf(http)), cancellationToken);
        if (started.Status is not (OperationStatus.Created or OperationStatus.Ok) || started.Value is not { } instance)
        {
            return Unavailable(
                $"the {WorkflowId} workflow could not start: {started.Message}",
                null,
                started.Errors);
        }

        var id = Guid.TryParse(instance.CorrelationId, out var correlated) ? correlated : quoteId;
        var quote = await quotes.FindAsync(id, cancellationToken);
        if (instance.Status == WorkflowStatus.Faulted || quote is null)
        {
            return Failed(instance, quote is null ? "the quote was not stored" : "the quote was stored but its workflow failed");
        }

        if (product is not null && quote.ProductId is null && await catalog.RecordInquiryAsync(quote.Id, product.Id, cancellationToken))
        {
            quote.ProductId = product.Id;
        }

        return TypedResults.Created($"/api/quotes/{quote.Id}", QuoteDto.From(quote));
    }

    private static async Task<Results<Ok<QuoteDto>, NotFoundProblem>> GetAsync(Guid id, HttpContext http, QuoteQueries quotes, IAuditLog audit, CancellationToken cancellationToken)
    {
        var quote = await quotes.FindAsync(id, cancellationToken);
        return quote is null || !await MaySeeAsync(http, quote, audit, cancellationToken) ? Problems.NotFound($"no quote has id {id}") : TypedResults.Ok(QuoteDto.From(quote));
    }

    /// <summary>Staff, or the buyer who requested it signed in; anyone else gets 404 (and an audit entry). A quote requested anonymously is accepted by ops.</summary>
    internal static async Task<bool> MaySeeAsync(HttpContext http, Quote quote, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (ResourceAccess.CanSeeQuote(SleekCaller.From(http.User), quote.BuyerUserId))
        {
            return true;
        }

        await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"quote={quote.Id}", $"{http.Request.Method} quote", 404, cancellationToken);
        return false;
    }

    private static async Task<Results<Ok<QuoteDto>, NotFoundProblem, ConflictProblem, BadRequestProblem, BadGatewayProblem>> AcceptAsync(
        Guid id, HttpContext http, WorkflowRuntime runtime, InstanceQueries queries, QuoteQueries quotes, IAuditLog audit, CancellationToken cancellationToken)
    {
        var quote = await quotes.FindAsync(id, cancellationToken);
        if (quote is null || !await MaySeeAsync(http, quote, audit, cancellationToken))
        {
            return Problems.NotFound($"no quote has id {id}");
        }

        return await AcceptQuoteAsync(quote, http.User, runtime, queries, quotes, cancellationToken);
    }

    /// <summary>
    /// Accepts a quote the caller may act on, as <paramref name="principal"/> (a signed-in buyer, staff, or a verified quote
    /// link): <c>QuoteAccepted</c> goes through the workflow's one resume path, whose guard decides again.
    /// </summary>
    internal static async Task<Results<Ok<QuoteDto>, NotFoundProblem, ConflictProblem, BadRequestProblem, BadGatewayProblem>> AcceptQuoteAsync(
        Quote open, ClaimsPrincipal principal, WorkflowRuntime runtime, InstanceQueries queries, QuoteQueries quotes, CancellationToken cancellationToken)
    {
        var id = open.Id;
        Quote? quote = open;
        if (quote.OrderId is not null || quote.Status is QuoteStatus.Accepted or QuoteStatus.Expired or QuoteStatus.Cancelled)
        {
            return Problems.Conflict($"quote {quote.Number} is {quote.Status.ToName()}; only a quote that was sent and not accepted yet can be accepted", QuoteDto.From(quote));
        }

        var published = await runtime.PublishEventAsync("QuoteAccepted", id.ToString(), new JsonObject { ["quoteId"] = id.ToString() }, ResumeCaller.Of(principal), cancellationToken);
        quote = await quotes.FindAsync(id, cancellationToken);
        if (published.Status == OperationStatus.Forbidden)
        {
            // The resume guard's word (the same as for POST /api/events/QuoteAccepted); MaySeeAsync above lets only the quote's buyer and staff here.
            return Problems.NotFound($"no quote has id {id}");
        }

        if (published.Status is OperationStatus.NotFound or OperationStatus.Conflict)
        {
            return Problems.Conflict($"quote {quote!.Number} is {quote.Status.ToName()} and not waiting for acceptance", QuoteDto.From(quote));
        }

        if (published.Status == OperationStatus.Invalid)
        {
            return Problems.Invalid(published.Message ?? "invalid request", published.Errors ?? new Dictionary<string, string[]>());
        }

        var instance = published.Value!.Resumed.FirstOrDefault();
        // The burst usually ran in this request; when a worker took it first, wait (bounded) for its order.
        var deadline = DateTime.UtcNow + OrderWait;
        while (quote!.OrderId is null && instance is not { Status: WorkflowStatus.Faulted } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            quote = await quotes.FindAsync(id, cancellationToken);
            instance = instance is null ? null : await queries.GetAsync(instance.Id, includeJournal: false, cancellationToken);
        }

        if (instance is { Status: WorkflowStatus.Faulted } || quote!.OrderId is null)
        {
            return Failed(instance, quote?.OrderId is null ? "the quote was accepted but no order was made" : "the order was made but its workflow failed");
        }

        return TypedResults.Ok(QuoteDto.From(quote));
    }

    private static void AddOptional(JsonObject input, string name, string? value)
    {
        if (value is not null)
        {
            input[name] = value;
        }
    }

    /// <summary>502: the workflow behind the request failed; the instance id leads ops to its incident.</summary>
    private static BadGatewayProblem Failed(InstanceView? instance, string what) =>
        Problems.BadGateway(
            "The quote's workflow failed",
            $"{what}: workflow instance {instance?.Id} is {instance?.Status}{(instance?.Error is { } error ? $" ({error})" : "")}. Ops can see and retry it under /api/incidents.",
            new Dictionary<string, object?> { ["instanceId"] = instance?.Id });

    /// <summary>503: the workflow cannot run at all (not published, or its inputs do not fit this API).</summary>
    private static UnavailableProblem Unavailable(string detail, Guid? instanceId, IReadOnlyDictionary<string, string[]>? errors) =>
        Problems.Unavailable("Quotes are not available", detail, new Dictionary<string, object?> { ["instanceId"] = instanceId, ["errors"] = errors });
}
