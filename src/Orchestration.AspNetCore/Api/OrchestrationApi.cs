using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestration.AspNetCore.Authorization;
using Orchestration.AspNetCore.Streaming;
using Orchestration.Events;

namespace Orchestration.AspNetCore.Api;

/// <summary>The JSON API: reads under <see cref="OrchestrationPolicies.Read"/>, operations (POST) through the
/// <see cref="OperationGate"/>.</summary>
internal static class OrchestrationApi
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string pattern)
    {
        var api = endpoints.MapGroup(pattern).RequireAuthorization(OrchestrationPolicies.Read);
        api.MapGet("/status", (IOrchestrator o) => Results.Json(o.GetStatus(), DashboardJson.Options));
        api.MapGet("/snapshot", (IOrchestrator o, RecentEvents recent) => Results.Json(FleetSnapshot.Of(o, recent), DashboardJson.Options));
        api.MapGet("/events", (RecentEvents recent) => Results.Text(
            new JsonArray([.. recent.Snapshot().Select(DashboardJson.Event)]).ToJsonString(DashboardJson.Options), "application/json"));
        api.MapGet("/workloads/{workload}/revisions", (IOrchestrator o, string workload) =>
            o.DesiredState?.Find(workload) is null
                ? Results.NotFound(new ApiError($"Workload '{workload}' is not part of fleet '{o.FleetName}'."))
                : Results.Json(o.GetRevisionHistory(workload).Select(r => new RevisionView(r.Number, r.Revision, r.Spec.Image, r.IsCurrent)), DashboardJson.Options));
        api.MapGet("/stream", FleetStream.RunAsync);
        api.MapGet("/workloads/{workload}/replicas/{replica}/logs", LogStream.RunAsync);

        api.MapPost("/workloads/{workload}/scale", (HttpContext c, OperationGate gate, IOrchestrator o, string workload, ScaleRequest? body) =>
        {
            var replicas = body?.Replicas;
            return gate.RunAsync(c, "scale", workload, workload, $"to {replicas?.ToString(CultureInfo.InvariantCulture) ?? "?"} replicas", async ct =>
            {
                if (replicas is not { } count)
                {
                    throw new ArgumentException("The body must be {\"replicas\": N}; 'replicas' is missing.", "replicas");
                }

                await o.ScaleAsync(workload, count, ct).ConfigureAwait(false);
                return $"Scaled '{workload}' to {count} replicas.";
            });
        });
        api.MapPost("/workloads/{workload}/rollback", (HttpContext c, OperationGate gate, IOrchestrator o, string workload, RollbackRequest? body) =>
            gate.RunAsync(c, "rollback", workload, workload, body?.Revision is { } r ? $"to revision {r}" : "to the previous revision", async ct =>
            {
                await o.RollbackAsync(workload, body?.Revision, ct).ConfigureAwait(false);
                return $"Rolling '{workload}' back to {(body?.Revision is { } rev ? $"revision {rev}" : "the previous revision")}.";
            }));
        api.MapPost("/workloads/{workload}/pause", (HttpContext c, OperationGate gate, IOrchestrator o, string workload) =>
            gate.RunAsync(c, "pause", workload, workload, null, async ct =>
            {
                await o.PauseRolloutAsync(workload, ct).ConfigureAwait(false);
                return $"Paused the rollout of '{workload}'.";
            }));
        api.MapPost("/workloads/{workload}/resume", (HttpContext c, OperationGate gate, IOrchestrator o, string workload) =>
            gate.RunAsync(c, "resume", workload, workload, null, async ct =>
            {
                await o.ResumeRolloutAsync(workload, ct).ConfigureAwait(false);
                return $"Resumed the rollout of '{workload}'.";
            }));
        api.MapPost("/workloads/{workload}/replicas/{replica}/restart", (HttpContext c, OperationGate gate, IOrchestrator o, string workload, string replica) =>
            gate.RunAsync(c, "restart", $"{workload}/{replica}", workload, null, async ct =>
            {
                await o.RestartReplicaAsync(workload, replica, ct).ConfigureAwait(false);
                return $"Restarting replica '{workload}/{replica}'.";
            }));
        api.MapPost("/nodes/{node}/cordon", (HttpContext c, OperationGate gate, IOrchestrator o, string node) =>
            gate.RunAsync(c, "cordon", $"node {node}", null, null, async ct =>
            {
                await o.CordonAsync(node, ct).ConfigureAwait(false);
                return $"Cordoned node '{node}'.";
            }));
        api.MapPost("/nodes/{node}/uncordon", (HttpContext c, OperationGate gate, IOrchestrator o, string node) =>
            gate.RunAsync(c, "uncordon", $"node {node}", null, null, async ct =>
            {
                await o.UncordonAsync(node, ct).ConfigureAwait(false);
                return $"Uncordoned node '{node}'.";
            }));
        api.MapPost("/nodes/{node}/drain", (HttpContext c, OperationGate gate, IOrchestrator o, IHostApplicationLifetime lifetime, string node, DrainRequest? body) =>
        {
            var maxUnavailable = body?.MaxUnavailable ?? 1;
            return gate.RunAsync(c, "drain", $"node {node}", null, $"max unavailable {maxUnavailable}", async ct =>
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(maxUnavailable, 1, "maxUnavailable");
                var user = OperationGate.UserName(c);

                // A drain completes when the node is empty, which can take minutes: it runs on after the answer (the
                // node shows Draining), until the app stops; a later failure is recorded as an event.
                var drain = o.DrainAsync(node, maxUnavailable, lifetime.ApplicationStopping);
                if (drain.IsFaulted)
                {
                    await drain.ConfigureAwait(false);
                }

                _ = drain.ContinueWith(
                    t => o.RecordOperation(user, "drain", $"node {node}", OperationOutcome.Failed, t.Exception!.GetBaseException().Message),
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default);
                return $"Draining node '{node}'.";
            });
        });
        return api;
    }
}
