namespace Accreditation.Cli.Practice;

/// <summary>What a moderator's final scores rest on.</summary>
public enum ModerationBasis
{
    /// <summary>The first assessor's scores.</summary>
    First,

    /// <summary>The second assessor's scores.</summary>
    Second,

    /// <summary>Per criterion, the mean of the two markings, halves rounded up.</summary>
    Mean,
}
