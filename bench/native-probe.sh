#!/usr/bin/env bash
# Reproduces the evidence behind "no native executable" (docs/PERFORMANCE.md, "A native
# executable"): GraalVM's image builder as Maven Central serves it (org.graalvm.nativeimage:svm
# 25.0.2 and its dependencies) run on Temurin 25 with JVMCI, on a hello-world class, with the
# least a build needs to get through analysis and compilation to the link:
#
#   - a copy of the JDK (hard links) holding a stand-in for the builder's own progress helper
#     (lib/svm/builder/lib/libreporterchelper.so: peak RSS and terminal width);
#   - the JDK's static libraries (libjava.a, libnio.a, libnet.a, libzip.a) as linker scripts
#     naming Temurin's shared libraries, since no JDK on Maven Central or in Debian ships them;
#   - the C headers GraalVM ships in its clibraries (svm_locale.h, the CPU feature structs)
#     written from the builder's own @CStruct interfaces.
#
# It prints the build's phases, its peak memory, and the symbols the link still lacks: the
# C libraries a GraalVM distribution has and Maven Central has not (libjvm.a's JVM_* functions,
# libchelper, the JNI_OnLoad_* entry points of static JDK libraries), each of which a stand-in
# would have to reimplement. Takes 2-6 minutes and ~2.5 GB; nothing is installed.
#
# Usage: bench/native-probe.sh [WORKDIR]   (default: a temporary directory, removed at exit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/lib/java.sh"
jdk="$(find_jdk 25)" || { echo "native-probe: needs a JDK 25 (Temurin 25 has jdk.internal.vm.ci)" >&2; exit 1; }
svm=25.0.2
if [ -n "${1:-}" ]; then work="$1"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
cd "$work"

# --- the builder's jars from Maven Central ------------------------------------------------------
mkdir -p fetch
cat >fetch/pom.xml <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>probe</groupId><artifactId>svm</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.graalvm.nativeimage</groupId><artifactId>svm</artifactId>
    <version>$svm</version></dependency></dependencies></project>
EOF
(cd fetch && JAVA_HOME="$jdk" mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib >&2)
lib="$work/fetch/lib"
upgrade="$lib/compiler-$svm.jar:$lib/truffle-compiler-$svm.jar:$lib/word-$svm.jar:$lib/collections-$svm.jar:$lib/nativeimage-$svm.jar"
modules="$(ls "$lib"/*.jar | grep -v -e "/compiler-$svm" -e /word- -e /collections- -e "/nativeimage-$svm" | tr '\n' ':')"

# --- the JDK copy with the builder's helper, the static-library and header stand-ins ------------
rm -rf jdk && cp -al "$jdk" jdk 2>/dev/null || cp -a "$jdk" jdk
mkdir -p jdk/lib/svm/builder/lib clib/include src
cat >src/reporterchelper.c <<'EOF'
#include <jni.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *e, jclass c) {
    struct rusage u;
    return getrusage(RUSAGE_SELF, &u) == 0 ? (jlong) u.ru_maxrss * 1024 : -1;
}
JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *e, jclass c) {
    struct winsize w;
    return ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 ? w.ws_col : -1;
}
EOF
gcc -shared -fPIC -O2 -I "$jdk/include" -I "$jdk/include/linux" -o jdk/lib/svm/builder/lib/libreporterchelper.so src/reporterchelper.c
for l in java nio net zip; do echo "INPUT($jdk/lib/lib$l.so)" >"clib/lib$l.a"; done
cp "$jdk/include/jni.h" "$jdk/include/linux/jni_md.h" clib/include/
printf '#include <limits.h>\n#define JVM_MAXPATHLEN PATH_MAX\n' >clib/include/jvm_md.h
cat >clib/include/svm_locale.h <<'EOF'
#define SVM_LOCALE_INITIALIZATION_SUCCEEDED 0
#define SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY 1
typedef struct {
    char *display_language, *display_script, *display_country, *display_variant;
    char *format_language, *format_script, *format_country, *format_variant;
} svm_locale_props_t;
int svm_initialize_locale(void);
svm_locale_props_t *svm_get_locale(void);
EOF
mkdir -p x && (cd x && unzip -q -o "$lib/svm-$svm.jar" 'com/oracle/svm/core/*/*LibCHelper$CPUFeatures.class')
for a in amd64/AMD64:amd64 aarch64/AArch64:aarch64 riscv64/RISCV64:riscv64; do
  {
    echo "typedef struct {"
    "$jdk/bin/javap" -p "x/com/oracle/svm/core/${a%%:*}LibCHelper\$CPUFeatures.class" |
      grep -o 'boolean [A-Za-z0-9_]*()' | sed 's/boolean \(.*\)()/  char \1;/'
    echo "} CPUFeatures;"
  } >"clib/include/${a##*:}cpufeatures.h"
done

# --- the builder's command line: every concealed JDK package exported to its modules -----------
cat >src/Exports.java <<'EOF'
public class Exports {
    public static void main(String[] a) {
        for (Module m : ModuleLayer.boot().modules())
            for (String p : m.getPackages())
                if (!m.isExported(p)) System.out.println("--add-exports=" + m.getName() + "/" + p + "=" + a[0]);
    }
}
EOF
"$jdk/bin/java" --add-modules=ALL-SYSTEM src/Exports.java \
  jdk.graal.compiler,org.graalvm.nativeimage.builder,org.graalvm.nativeimage.base,org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage.pointsto,org.graalvm.truffle.compiler,org.graalvm.nativeimage.configure,org.graalvm.nativeimage.libgraal,org.graalvm.espresso.shared.svm \
  >builder.args
cat >>builder.args <<EOF
-XX:+UnlockExperimentalVMOptions
-XX:+EnableJVMCI
-Xss10m
-XX:+UseParallelGC
-Djava.awt.headless=true
-Dsubstratevm.HostLibC=glibc
-Dorg.graalvm.version=$svm
-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader
-Dorg.graalvm.nativeimage.imagecode=buildtime
-Djdk.internal.lambda.disableEagerInitialization=true
-Xshare:off
--add-modules=ALL-DEFAULT
--enable-native-access=org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage.builder,org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.base
--upgrade-module-path
$upgrade
--module-path
$modules
EOF

echo 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }' >src/Hello.java
"$jdk/bin/javac" -d cls src/Hello.java
mkdir -p out
echo "native-probe: building hello world with svm $svm on $("$jdk/bin/java" -version 2>&1 | sed -n 2p)" >&2
start="$EPOCHREALTIME"
jdk/bin/java @builder.args -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  -imagecp cls -H:Name=hello -H:Class=Hello -H:Path=out -H:CLibraryPath="$work/clib" \
  -H:-UseContainerSupport -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" >build.log 2>&1 || true
end="$EPOCHREALTIME"

grep -E '^\[[1-8]/8\]|Peak RSS' build.log || true
awk -v s="$start" -v e="$end" 'BEGIN { printf "wall time: %.0f s\n", e - s }'
if [ -x out/hello ]; then
  echo "linked: out/hello"; ldd out/hello; out/hello
else
  grep 'undefined reference' build.log | sed 's/.*undefined reference to .//; s/.$//' | sort -u >undefined.txt
  echo "the link failed: $(wc -l <undefined.txt) undefined symbols," \
    "$(grep -c '^JVM_' undefined.txt) of them JVM_* functions (HotSpot's libjvm.so interface, versioned SUNWprivate_1.1):"
  grep -v '^JVM_' undefined.txt | tr '\n' ' '; echo
  grep -q 'libjvm.so, needed by' build.log && echo "and: $(grep -m1 -o 'libjvm.so, needed by [^,]*' build.log)"
fi
