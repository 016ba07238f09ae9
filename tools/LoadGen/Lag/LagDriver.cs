using System.Diagnostics;
using Accreditation.Cli;
using Accreditation.Cli.Bank;
using Accreditation.Cli.Simulation;
using Accreditation.LoadGen.Data;
using Accreditation.LoadGen.Measurement;
using Accreditation.LoadGen.Paths;
using Accreditation.LoadGen.Report;
using Accreditation.LoadGen.Run;
using Grpc.Core;

namespace Accreditation.LoadGen.Lag;

/// <summary>
/// Measures lag: seeds the question bank and simulated practice (scenarios, actors, assessors of
/// other authorities) as accredit simulate does, takes the feed's position now, starts a steady
/// enrol load, then for the window starts candidates at a steady rate (<see cref="CandidateJourney"/>);
/// each candidate's lag is the time from their last passing component's return to the feed showing
/// them accredited (<see cref="FeedWatcher"/>). Nothing polls: the feed pushes.
/// </summary>
public sealed class LagDriver(PathContext context, RunSettings settings, double loadRate)
{
    public async Task<LagReport> MeasureAsync(CancellationToken cancellationToken)
    {
        var targets = context.Targets;
        using var endpoints = new Endpoints(new EndpointSettings(targets.EnrolmentUrl, targets.TestingUrl, targets.ObservationUrl, settings.SigningKey, null)
        {
            ReportingUrl = targets.ReportingUrl,
        });
        await endpoints.BankAdmin().ImportItemsAsync(SampleBank.Create(), cancellationToken: cancellationToken);
        var keys = new KeyBook(endpoints.BankAdmin());
        var options = new SimulationOptions("phase-1", PhaseOne.Authorities, 0, 1, 0, 0)
        {
            MaxSittings = 1,
            MaxSessions = 1,
            Patience = settings.LagPatience,
        };
        var practice = new PracticeJourney(endpoints, options, new SimulationStats());
        await practice.PrepareAsync(cancellationToken);

        var feed = new FeedWatcher(endpoints.Regulator());
        await feed.StartFromNowAsync(cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var following = feed.FollowAsync(stop.Token);
        var load = new SteadyEnrolLoad(context, loadRate);
        var loading = load.RunAsync(stop.Token);

        var journey = new CandidateJourney(endpoints, keys, practice, settings.LagPatience);
        var candidates = new List<Task<double?>>();
        var errors = new WorkerTally();
        try
        {
            await Task.Delay(settings.Shape.Warmup, cancellationToken);
            var interval = TimeSpan.FromSeconds(1 / settings.LagCandidateRate);
            var count = Math.Max(1, (int)Math.Round(settings.Shape.Window.TotalSeconds * settings.LagCandidateRate));
            using var timer = new PeriodicTimer(interval);
            for (var i = 0; i < count; i++)
            {
                candidates.Add(CandidateAsync(journey, feed, i, errors, cancellationToken));
                if (i + 1 < count)
                {
                    await timer.WaitForNextTickAsync(cancellationToken);
                }
            }

            await Task.WhenAll(candidates);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(following, loading);
        }

        var lags = candidates.Select(c => c.Result).OfType<double>().Order().ToList();
        var passed = candidates.Count - (int)errors.Errors;
        var background = load.Tally;
        var firstErrors = errors.FirstErrors.Concat(background.FirstErrors.Select(e => KeyValuePair.Create("background " + e.Key, e.Value)))
            .ToDictionary(StringComparer.Ordinal);
        return new LagReport(
            candidates.Count,
            passed,
            lags.Count,
            passed - lags.Count,
            (int)errors.Errors,
            Math.Round(Percentiles.NearestRank(lags, 50), 1),
            Math.Round(Percentiles.NearestRank(lags, 99), 1),
            Math.Round(lags.Count == 0 ? 0 : lags[^1], 1),
            settings.LagCandidateRate,
            Math.Round(loadRate, 1),
            background.Units,
            background.Errors,
            firstErrors);
    }

    /// <returns>The candidate's lag in milliseconds; null when the journey failed (counted in <paramref name="errors"/>) or the feed did not show them within the patience.</returns>
    private async Task<double?> CandidateAsync(CandidateJourney journey, FeedWatcher feed, int index, WorkerTally errors, CancellationToken ct)
    {
        var authority = PhaseOne.AuthorityOf(index);
        var number = context.Numbers.Next();
        long passedAt;
        try
        {
            passedAt = await journey.RunAsync(authority, number, unchecked(index * 7_919), ct);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            lock (errors)
            {
                errors.Error(e);
            }

            return null;
        }

        try
        {
            var seenAt = await feed.AccreditedAsync(number).WaitAsync(settings.LagPatience, ct);
            return Stopwatch.GetElapsedTime(passedAt, seenAt).TotalMilliseconds;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
