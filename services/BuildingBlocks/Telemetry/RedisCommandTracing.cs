using System.Collections.Concurrent;
using System.Diagnostics;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace Accreditation.BuildingBlocks.Telemetry;

/// <summary>
/// Redis commands as spans of the trace they ran in. StackExchange.Redis has no ActivitySource of its
/// own and the OpenTelemetry contrib instrumentation for it is not in the registry this project builds
/// from, so this uses the client's profiling API the same way: every command issued while an
/// activity is current is recorded in that activity's profiling session, and when the activity
/// stops, each recorded command becomes a child span ("redis SET", with its real start and
/// duration) on <see cref="ActivitySourceName"/>.
/// </summary>
public sealed class RedisCommandTracing : IDisposable
{
    public const string ActivitySourceName = TelemetryExtensions.SourcePrefix + "Redis";

    private static readonly ActivitySource Source = new(ActivitySourceName);
    private readonly ConcurrentDictionary<Activity, ProfilingSession> _sessions = new();
    private readonly ActivityListener _listener;

    public RedisCommandTracing(IConnectionMultiplexer connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name != ActivitySourceName,
            ActivityStopped = Flush,
        };
        ActivitySource.AddActivityListener(_listener);
        connection.RegisterProfiler(SessionForCurrentActivity);
    }

    public void Dispose() => _listener.Dispose();

    private ProfilingSession? SessionForCurrentActivity()
    {
        var activity = Activity.Current;
        return activity is { Recorded: true, IsStopped: false } && activity.Source.Name != ActivitySourceName
            ? _sessions.GetOrAdd(activity, static _ => new ProfilingSession())
            : null;
    }

    private void Flush(Activity activity)
    {
        if (!_sessions.TryRemove(activity, out var session))
        {
            return;
        }

        foreach (var command in session.FinishProfiling())
        {
            using var span = Source.StartActivity(
                "redis " + command.Command,
                ActivityKind.Client,
                activity.Context,
                [
                    new("db.system", "redis"),
                    new("db.operation.name", command.Command),
                    new("db.namespace", command.Db),
                    new("server.address", command.EndPoint.ToString()),
                ],
                startTime: command.CommandCreated);
            span?.SetEndTime(command.CommandCreated.ToUniversalTime() + command.ElapsedTime);
        }
    }
}
