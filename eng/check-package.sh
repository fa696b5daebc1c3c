#!/usr/bin/env bash
# eng/check-package.sh — prove that the packed package carries the typed-workload generator.
#
#   bash eng/check-package.sh
#
# Packs Orchestration.Abstractions into nuget/ (the generator travels inside it under analyzers/dotnet/cs), then, in a
# temporary directory outside the repository, creates a project that references only that package by name, restores it
# from the repository's local source "nuget" with an empty package cache, and builds it. The project declares a typed
# workload and uses what only the generator writes (ITypedWorkload, Spec, Ports, EndpointVariables), so it compiles only
# if the generator ran. It then checks that a compile-time diagnostic (ORCH0003) fires from the package too.
# Intermediate build outputs go to the temporary directory, so concurrent builds of the repository are left alone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE=Orchestration.Abstractions
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$(dotnet msbuild "$ROOT/src/$PACKAGE/$PACKAGE.csproj" -getProperty:Version)"
echo "check-package: packing $PACKAGE $version into nuget/"
dotnet pack "$ROOT/src/$PACKAGE/$PACKAGE.csproj" -c Release -o "$ROOT/nuget" \
  --artifacts-path "$work/artifacts" -nologo -v quiet

nupkg="$ROOT/nuget/$PACKAGE.$version.nupkg"
listing="$(unzip -l "$nupkg")"
if [[ "$listing" != *"analyzers/dotnet/cs/Orchestration.Generators.dll"* ]]; then
  echo "check-package: FAILED: $nupkg has no analyzers/dotnet/cs/Orchestration.Generators.dll" >&2
  exit 1
fi

consumer="$work/consumer"
mkdir -p "$consumer"
# The repository's NuGet.config names its local source "nuget" relative to itself; the copy points at the same folder.
sed "s|value=\"nuget\"|value=\"$ROOT/nuget\"|" "$ROOT/NuGet.config" > "$consumer/NuGet.config"
cat > "$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$PACKAGE" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$consumer/Program.cs" <<'CS'
using Orchestration;

var fleet = new FleetBuilder("shop").AddWorkload<Db>().AddWorkload<Api>().Build();
var api = Api.Spec;
if (fleet.Workloads.Length != 2 || api.Environment[Db.EndpointVariables.Host] != Db.WorkloadName || Db.Ports.Pg != "pg")
{
    throw new InvalidOperationException("The generated specs are not what the attributes declare.");
}

Console.WriteLine($"typed workloads: {string.Join(", ", fleet.Workloads.Select(w => w.Name))}");

[Workload("db", Image = "postgres:17")]
[Port("pg", 5432)]
[TcpProbe(ProbeTarget.Readiness, Ports.Pg)]
public partial class Db;

[Workload("api", Image = "shop/api:1", Replicas = 2)]
[Port("http", 8080)]
[HttpProbe(ProbeTarget.Readiness, "/health")]
[DependsOn<Db>]
public partial class Api;
CS

echo "check-package: building a project outside the solution that references only $PACKAGE $version"
(cd "$consumer" && dotnet build -nologo -v quiet -o "$work/out" --artifacts-path "$work/consumer-artifacts" >"$work/build.log" 2>&1) || {
  cat "$work/build.log" >&2
  echo "check-package: FAILED: the consumer project did not build" >&2
  exit 1
}
dotnet "$work/out/Consumer.dll"

# The diagnostics come with the package too.
sed -i 's/Replicas = 2/Replicas = -2/' "$consumer/Program.cs"
if (cd "$consumer" && dotnet build -nologo -v quiet -o "$work/out" --artifacts-path "$work/consumer-artifacts" >"$work/build.log" 2>&1); then
  echo "check-package: FAILED: a negative replica count compiled" >&2
  exit 1
fi
if ! grep -q "error ORCH0003" "$work/build.log"; then
  cat "$work/build.log" >&2
  echo "check-package: FAILED: the build failed without ORCH0003" >&2
  exit 1
fi

echo "check-package: OK: the package carries the generator and its diagnostics"
