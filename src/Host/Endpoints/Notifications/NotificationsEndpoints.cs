using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Endpoints.Live;
using Sleek.Workflows.Host.Notifications;

namespace Sleek.Workflows.Host.Endpoints.Notifications;

/// <summary>
/// In-app notifications (every workflow email to the signed-in user's address), marking them read, and a live stream of
/// the top bar's numbers (unread notifications, open tasks) so a new task or email shows without reloading.
/// </summary>
internal static class NotificationsEndpoints
{
    // A user's numbers are read again at most this often, however many bursts commit meanwhile.
    private static readonly TimeSpan Coalesce = TimeSpan.FromSeconds(1);

    public static void MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(SleekPolicies.SignedIn);
        group.MapGet("/", ListAsync).WithName("ListNotifications")
            .WithSummary("The signed-in user's notifications (the workflow's emails to their address), newest first, paged, with the unread count.");
        group.MapPost("/{id:guid}/read", ReadAsync).WithName("MarkNotificationRead")
            .WithSummary("Marks one of the user's notifications read; another user's is 404.");
        group.MapGet("/events", StreamAsync).WithName("StreamNotificationSummary")
            .WithSummary("text/event-stream of 'summary' events {unread, openTasks}: one at once, then whenever they change.");
    }

    private static async Task<Results<Ok<NotificationPage>, BadRequestProblem>> ListAsync(
        [AsParameters] PageRequest paging, HttpContext http, NotificationFeed feed, CancellationToken cancellationToken) =>
        paging.Problem() is { } problem
            ? problem
            : TypedResults.Ok(await feed.PageAsync(SleekCaller.From(http.User), paging.Number, paging.Size, cancellationToken));

    private static async Task<Results<NoContent, NotFoundProblem>> ReadAsync(Guid id, HttpContext http, NotificationFeed feed, CancellationToken cancellationToken) =>
        await feed.MarkReadAsync(SleekCaller.From(http.User), id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"no notification of yours has id {id}");

    private static ServerSentEventsResult<NotificationSummary> StreamAsync(HttpContext http, NotificationFeed feed, InstanceChanges changes, JournalTail tail) =>
        TypedResults.ServerSentEvents(FollowAsync(SleekCaller.From(http.User), feed, changes, tail.Heartbeat, StreamLifetime.For(http).Token));

    // Snapshots, not a log: a reconnect gets the current numbers at once, so nothing is lost without Last-Event-ID.
    private static async IAsyncEnumerable<SseItem<NotificationSummary>> FollowAsync(
        SleekCaller caller, NotificationFeed feed, InstanceChanges changes, TimeSpan heartbeat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var wake = new SemaphoreSlim(0);
        using var subscription = changes.Subscribe(_ =>
        {
            if (wake.CurrentCount == 0)
            {
                wake.Release();
            }
        });

        NotificationSummary? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            NotificationSummary now;
            try
            {
                now = await feed.SummaryAsync(caller, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            if (now != last)
            {
                last = now;
                yield return new SseItem<NotificationSummary>(now, "summary");
            }

            try
            {
                await wake.WaitAsync(heartbeat, cancellationToken);
                await Task.Delay(Coalesce, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
