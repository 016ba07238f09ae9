using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace Accreditation.Cli.Practice;

/// <summary>Reads Observation's FAILED_PRECONDITION answers to ScheduleSession that clear by themselves.</summary>
public static partial class ScheduleRefusals
{
    [GeneratedRegex(@"a resit may be booked from (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)", RegexOptions.CultureInvariant)]
    private static partial Regex ResitFromPattern();

    /// <summary>Observation has not yet heard of the enrolment or of its endorsement (the events are on their way).</summary>
    public static bool NotKnownYet(RpcException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.StatusCode == StatusCode.FailedPrecondition
            && (e.Status.Detail.Contains("is not known here yet", StringComparison.Ordinal)
                || e.Status.Detail.Contains("has no practice endorsement yet", StringComparison.Ordinal));
    }

    /// <summary>When a resit may be scheduled, if the answer is the resit cool-off; null otherwise.</summary>
    public static DateTimeOffset? ResitFrom(RpcException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.StatusCode != StatusCode.FailedPrecondition)
        {
            return null;
        }

        var match = ResitFromPattern().Match(e.Status.Detail);
        return match.Success && DateTimeOffset.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
            ? from
            : null;
    }
}
