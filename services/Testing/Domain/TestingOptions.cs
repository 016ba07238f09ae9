using Accreditation.AssessmentRules.Resits;
namespace Accreditation.Testing.Domain;

/// <summary>The knowledge test's configuration. Section "Testing". Pass mark and resit rules were never fixed publicly: these are defaults.</summary>
public sealed class TestingOptions
{
    public const string SectionName = "Testing";

    public Blueprint Blueprint { get; set; } = new();

    /// <summary>Percentage of marks needed to pass, compared after rounding to 1 decimal.</summary>
    public double PassMarkPercentage { get; set; } = 60;

    public ResitPolicy Resits { get; set; } = new();

    /// <summary>How long after the deadline a sitting stays open for a submission in flight, before it is closed and scored.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How early before its slot a booked sitting may start.</summary>
    public TimeSpan EarlyStart { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the deadline closer looks for overdue sittings.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromSeconds(5);
}
