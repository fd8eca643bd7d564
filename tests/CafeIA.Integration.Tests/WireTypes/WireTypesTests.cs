using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CafeIA.Gateway.Hosting;
using CafeIA.Integration.Tests.Infrastructure;
using CafeIA.Wire;

namespace CafeIA.Integration.Tests.WireTypes;

/// <summary>
/// The web's wire types are checked against the C# records: this test writes the records'
/// TypeScript declarations (Web/src/lib/wire.generated.ts) and fails while the committed file is
/// stale; Web/src/lib/wire.check.ts then makes `tsc` fail when a type of Web/src/lib/protocol.ts
/// names a field the record lacks or types it differently. A generated file rather than a runtime
/// check: TypeScript's types are gone at run time, and tsc already runs on every web build.
/// </summary>
public sealed class WireTypesTests
{
    /// <summary>What the pages read: the join, the snapshot and its parts, the events, the refusals, the accepted ballot, the organisations.</summary>
    private static readonly Type[] Roots =
    [
        typeof(JoinResult), typeof(SessionSnapshot), typeof(ChangeBatch), typeof(SessionEvent), typeof(CallRefused),
        typeof(ReactionBurst), typeof(ProgrammeView), typeof(CafeListing), typeof(BallotAccepted),
        typeof(MyOrganisations), typeof(OrganisationView), typeof(OrganisationInvitation), typeof(RecoveredKeys), typeof(SessionCreated),
    ];

    [Fact]
    public void The_generated_TypeScript_wire_types_match_the_records()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        JsonSetup.Apply(options);
        options.MakeReadOnly();
        var generated = new TypeScriptWire(options).Write(Roots);
        var path = Path.Combine(Repository.Root, "Web", "src", "lib", "wire.generated.ts");
        if (Environment.GetEnvironmentVariable("CAFE_WRITE_WIRE") == "1")
        {
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path) && File.ReadAllText(path) == generated,
            "Web/src/lib/wire.generated.ts is not what the C# records give: run this test with CAFE_WRITE_WIRE=1, then `npx tsc --noEmit` in Web.");
    }

    [Fact]
    public void Records_become_TypeScript_declarations_with_their_JSON_names_and_enum_strings()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        JsonSetup.Apply(options);
        var types = new TypeScriptWire(options).Write([typeof(Counts), typeof(ParticipantMode), typeof(Refusal)]);
        Assert.Contains("export interface Counts {\n  onsite: number;\n  remote: number;\n}", types, StringComparison.Ordinal);
        Assert.Contains("export type ParticipantMode = \"onsite\" | \"remote\";", types, StringComparison.Ordinal);
        Assert.Contains("  code: string;\n  field?: string;\n  message: string;", types, StringComparison.Ordinal);
    }
}
