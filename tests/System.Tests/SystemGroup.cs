namespace Accreditation.System.Tests;

/// <summary>The test collection that shares one <see cref="SystemUnderTest"/>; its tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SystemGroup : ICollectionFixture<SystemUnderTest>
{
    public const string Name = "system";
}
