<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivityStrip</name>
    <message>
        <source>When each worker ran (one row per worker, shared time axis)</source>
        <translation>각 워커가 실행된 시점 (워커마다 한 줄, 시간 축 공유)</translation>
    </message>
    <message>
        <source>Run a mode to see its workers&apos; activity</source>
        <translation>모드를 실행하면 워커들의 활동이 여기에 표시됩니다</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>cannot write %1 to %2: %3</source>
        <translation>%2에 %1을(를) 쓸 수 없습니다: %3</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>쓰기에 실패했습니다</translation>
    </message>
    <message>
        <source>only part of it could be written (is the disk full, or a size limit set?); the previous file is unchanged</source>
        <translation>일부만 쓸 수 있었습니다(디스크가 가득 찼거나 크기 제한이 있나요?). 이전 파일은 그대로입니다</translation>
    </message>
    <message>
        <source>%1; the previous file is unchanged</source>
        <translation>%1. 이전 파일은 그대로입니다</translation>
    </message>
</context>
<context>
    <name>AttachCheck</name>
    <message>
        <source>any process of the same user may be watched</source>
        <translation>같은 사용자의 프로세스라면 어느 것이든 관찰할 수 있습니다</translation>
    </message>
    <message>
        <source>only a program&apos;s own descendants may be watched, unless you are root (sudo sysctl kernel.yama.ptrace_scope=0 allows it for your own processes)</source>
        <translation>root가 아니면 관찰하는 프로그램 자신의 자손 프로세스만 관찰할 수 있습니다(sudo sysctl kernel.yama.ptrace_scope=0을 실행하면 본인의 프로세스는 관찰할 수 있습니다)</translation>
    </message>
    <message>
        <source>only root may attach to a running process</source>
        <translation>실행 중인 프로세스에는 root만 추적기를 붙일 수 있습니다</translation>
    </message>
    <message>
        <source>no process may attach, not even root, until the next reboot</source>
        <translation>다음에 재부팅할 때까지 root를 포함해 어떤 프로세스도 추적기를 붙일 수 없습니다</translation>
    </message>
    <message>
        <source>the kernel has no Yama restriction</source>
        <translation>커널에 Yama 제한이 없습니다</translation>
    </message>
    <message>
        <source>there is no process %1</source>
        <translation>프로세스 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>process %1 is SpawnScope itself</source>
        <translation>프로세스 %1은(는) SpawnScope 자신입니다</translation>
    </message>
    <message>
        <source>process %1 is one of SpawnScope&apos;s own tracers</source>
        <translation>프로세스 %1은(는) SpawnScope 자신의 추적기 중 하나입니다</translation>
    </message>
    <message>
        <source>process %1 is already traced by %2%3; the kernel allows one tracer per process</source>
        <translation>프로세스 %1은(는) 이미 %2%3이(가) 추적하고 있습니다. 커널은 프로세스 하나에 추적기를 하나만 허용합니다</translation>
    </message>
    <message>
        <source>process %1 is owned by %2; only root may watch it</source>
        <translation>프로세스 %1은(는) %2의 소유입니다. root만 관찰할 수 있습니다</translation>
    </message>
    <message>
        <source>kernel.yama.ptrace_scope is %1: %2</source>
        <translation>kernel.yama.ptrace_scope 값이 %1입니다: %2</translation>
    </message>
    <message>
        <source>process %1 ended before it could be attached</source>
        <translation>추적기를 붙이기 전에 프로세스 %1이(가) 끝났습니다</translation>
    </message>
    <message>
        <source>attaching to process %1 failed: %2 (a container&apos;s seccomp profile or a security module may forbid ptrace)</source>
        <translation>프로세스 %1에 추적기를 붙이지 못했습니다: %2 (컨테이너의 seccomp 프로필이나 보안 모듈이 ptrace를 금지하고 있을 수 있습니다)</translation>
    </message>
</context>
<context>
    <name>BuiltinPresets</name>
    <message>
        <source>Hello from the child</source>
        <translation>자식 프로세스의 인사</translation>
    </message>
    <message>
        <source>Start one child process and read what it prints. communicate() waits for it to exit and returns its output.</source>
        <translation>자식 프로세스 하나를 시작하고 그 출력을 읽습니다. communicate()는 자식 프로세스가 종료될 때까지 기다린 뒤 출력을 돌려줍니다.</translation>
    </message>
    <message>
        <source>Polling a running child</source>
        <translation>실행 중인 자식 프로세스 폴링</translation>
    </message>
    <message>
        <source>The parent keeps working while the child runs, asking poll() every 0.2 s. sleep 0.3 is still running at 0 s and 0.2 s, so it is polled twice (&quot;Working...&quot; twice), then exits with status 0.</source>
        <translation>자식 프로세스가 실행되는 동안 부모 프로세스는 계속 일하며 0.2초마다 poll()로 확인합니다. sleep 0.3은 0초와 0.2초에 아직 실행 중이므로 두 번 폴링되고(&quot;Working...&quot; 두 번), 그 뒤 상태 0으로 종료합니다.</translation>
    </message>
    <message>
        <source>Ten sleeps in parallel</source>
        <translation>병렬로 실행하는 sleep 열 개</translation>
    </message>
    <message>
        <source>Start ten children first, then wait for them all. They run in parallel: the wall time is about 0.1 s although the children add up to about 1 s.</source>
        <translation>자식 프로세스 열 개를 먼저 모두 시작한 뒤, 전부를 기다립니다. 이들은 병렬로 실행됩니다: 자식 프로세스의 시간을 합하면 약 1초지만 벽시계 시간은 약 0.1초입니다.</translation>
    </message>
    <message>
        <source>Encrypt with openssl</source>
        <translation>openssl로 암호화</translation>
    </message>
    <message>
        <source>Three openssl children, each fed 10 random bytes on stdin and then EOF. The password travels in an environment variable. The last 10 bytes of each ciphertext are shown in hex, and openssl&apos;s warning on stderr is kept.</source>
        <translation>openssl 자식 프로세스 세 개에 각각 stdin으로 임의의 10바이트를 보낸 뒤 EOF를 보냅니다. 비밀번호는 환경 변수로 전달됩니다. 각 암호문의 마지막 10바이트를 16진수로 보여 주며, stderr의 openssl 경고도 그대로 남깁니다.</translation>
    </message>
    <message>
        <source>Chain: openssl | md5sum</source>
        <translation>체인: openssl | md5sum</translation>
    </message>
    <message>
        <source>Three chains. Each openssl child&apos;s stdout is an OS pipe into an md5sum child&apos;s stdin, so data flows between children without passing through the parent. The chain&apos;s result is the digest.</source>
        <translation>체인 세 개. 각 openssl 자식 프로세스의 stdout은 OS 파이프로 md5sum 자식 프로세스의 stdin에 이어지므로, 데이터는 부모 프로세스를 거치지 않고 자식 프로세스 사이를 흐릅니다. 체인의 결과는 다이제스트입니다.</translation>
    </message>
    <message>
        <source>Chain: openssl | whirlpool</source>
        <translation>체인: openssl | whirlpool</translation>
    </message>
    <message>
        <source>The second edition&apos;s chain: encrypt 100 random bytes, then hash the ciphertext with whirlpool. OpenSSL 3 keeps whirlpool in its legacy provider, so the hash stage loads it with -provider legacy. The digest is binary, so it is shown in hex.</source>
        <translation>2판의 체인: 임의의 100바이트를 암호화한 뒤 암호문을 whirlpool로 해시합니다. OpenSSL 3에서는 whirlpool이 legacy 프로바이더에 있으므로 해시 단계에서 -provider legacy로 불러옵니다. 다이제스트는 바이너리이므로 16진수로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Timeout after 0.1 s</source>
        <translation>0.1초 후 타임아웃</translation>
    </message>
    <message>
        <source>communicate(timeout=0.1) gives up after 0.1 s and terminate() sends SIGTERM. The child dies of that signal, so it has no exit code of its own.</source>
        <translation>communicate(timeout=0.1)는 0.1초 뒤에 기다림을 포기하고, terminate()가 SIGTERM을 보냅니다. 자식 프로세스는 그 시그널로 종료되므로 자신의 종료 코드가 없습니다.</translation>
    </message>
    <message>
        <source>Buffering: through a pipe</source>
        <translation>버퍼링: 파이프를 통해</translation>
    </message>
    <message>
        <source>Run this, then &quot;Buffering: pipe and terminal side by side&quot;, and compare. The child prints 1, sleeps 2 s and prints 2. Its stdout is a pipe, so Python block-buffers it: nothing arrives for 2 s, then both lines at once when it exits. PYTHONUNBUFFERED is cleared for the child, as it would switch the buffering off.</source>
        <translation>이것을 실행한 뒤 &quot;버퍼링: 파이프와 터미널 나란히&quot;를 실행해 비교해 보세요. 자식 프로세스는 1을 출력하고 2초 잠든 뒤 2를 출력합니다. stdout이 파이프이므로 Python은 블록 단위로 버퍼링합니다: 2초 동안 아무것도 오지 않다가, 끝날 때 두 줄이 한꺼번에 옵니다. PYTHONUNBUFFERED는 버퍼링을 꺼 버리므로 이 자식 프로세스에서는 비워 둡니다.</translation>
    </message>
    <message>
        <source>Buffering: pipe and terminal side by side</source>
        <translation>버퍼링: 파이프와 터미널 나란히</translation>
    </message>
    <message>
        <source>The same child twice, side by side: the first copy through a pipe, the second in a pseudo-terminal. It prints 1, sleeps 2 s and prints 2. Through the pipe Python block-buffers: nothing for 2 s, then both lines at once when it exits. In the terminal Python sees isatty() and line-buffers: 1 at once, 2 two seconds later. A program that must stream through a pipe can flush itself (print(..., flush=True) or python3 -u). PYTHONUNBUFFERED is cleared for the child, as it would switch the buffering off.</source>
        <translation>같은 자식 프로세스를 두 번, 나란히 실행합니다: 첫 번째는 파이프를 통해, 두 번째는 의사 터미널에서. 자식은 1을 출력하고 2초 잠든 뒤 2를 출력합니다. 파이프에서는 Python이 블록 단위로 버퍼링합니다: 2초 동안 아무것도 없다가 끝날 때 두 줄이 한꺼번에 옵니다. 터미널에서는 Python이 isatty()를 보고 줄 단위로 버퍼링합니다: 1은 바로, 2는 2초 뒤에 옵니다. 파이프로 바로바로 내보내야 하는 프로그램은 스스로 flush할 수 있습니다(print(..., flush=True) 또는 python3 -u). PYTHONUNBUFFERED는 버퍼링을 꺼 버리므로 이 자식 프로세스에서는 비워 둡니다.</translation>
    </message>
    <message>
        <source>Ten sleeps from CPython, watched</source>
        <translation>CPython이 띄운 sleep 열 개, 관찰</translation>
    </message>
    <message>
        <source>The seed&apos;s own fan-out script, run by python3 under watch. Every sleep that CPython&apos;s Popen starts becomes a row under python3 and a lane on the timeline, with its exit code, CPU time and peak memory. Run &quot;Ten sleeps in parallel&quot; as well: the same ten children, started by SpawnScope instead, on the same timeline.</source>
        <translation>노트의 팬아웃 스크립트를 python3로 관찰하며 실행합니다. CPython의 Popen이 띄우는 sleep 하나하나가 python3 아래의 행과 타임라인의 레인이 되고, 종료 코드, CPU 시간, 최대 메모리가 함께 보입니다. &quot;sleep 열 개를 병렬로&quot;도 실행해 보세요. 같은 자식 열 개를 이번에는 SpawnScope가 띄우고, 같은 타임라인에 나란히 보입니다.</translation>
    </message>
</context>
<context>
    <name>ChainBuilder</name>
    <message>
        <source>Run chain</source>
        <translation>체인 실행</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>프리셋으로 저장…</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>단계 제거</translation>
    </message>
    <message>
        <source>Drop presets here to append their stages (or use &quot;Add to chain&quot;, Ctrl+B, in the preset list). Drag stages to reorder them; Delete removes one. Each stage&apos;s stdout feeds the next stage&apos;s stdin through an OS pipe.</source>
        <translation>프리셋을 여기에 놓으면 그 단계들이 뒤에 추가됩니다(또는 프리셋 목록에서 &quot;체인 빌더에 추가&quot;, Ctrl+B 사용). 단계를 끌어서 순서를 바꾸고, Delete 키로 하나를 제거합니다. 각 단계의 stdout은 OS 파이프를 통해 다음 단계의 stdin으로 전달됩니다.</translation>
    </message>
    <message>
        <source>Run the pipeline once</source>
        <translation>파이프라인을 한 번 실행합니다</translation>
    </message>
    <message>
        <source>Keep the pipeline as one of your presets</source>
        <translation>이 파이프라인을 내 프리셋으로 보관합니다</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>비우기</translation>
    </message>
    <message>
        <source>Added the stages of %1; a chain runs once, so its %2 copies were not kept.</source>
        <translation>%1의 단계를 추가했습니다. 체인은 한 번만 실행되므로 복사본 %2개 설정은 유지하지 않았습니다.</translation>
    </message>
    <message>
        <source>[shell] %1</source>
        <translation>[shell] %1</translation>
    </message>
    <message>
        <source>Chain: %1</source>
        <translation>체인: %1</translation>
    </message>
    <message>
        <source>Built in the chain builder.</source>
        <translation>체인 빌더에서 만들었습니다.</translation>
    </message>
    <message>
        <source>Drop presets here to build a pipeline a | b | c</source>
        <translation>프리셋을 여기에 놓아 파이프라인 a | b | c를 만드십시오</translation>
    </message>
    <message>
        <source>[shell] </source>
        <translation>[shell] </translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Select a preset or a job to see its code.</source>
        <translation>프리셋이나 작업을 선택하면 코드를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>파이썬</translation>
    </message>
    <message>
        <source>From the notes</source>
        <translation>노트의 코드</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>생성된 코드</translation>
    </message>
    <message>
        <source>Show the code printed in the notes, or the code SpawnScope generates from the preset</source>
        <translation>노트에 실린 코드, 또는 SpawnScope가 프리셋으로부터 생성한 코드를 보여 줍니다</translation>
    </message>
    <message>
        <source>C++ with QProcess</source>
        <translation>QProcess를 사용한 C++</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the Python code to the clipboard</source>
        <translation>파이썬 코드를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>Copy the C++ code to the clipboard</source>
        <translation>C++ 코드를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>From the notes on Effective Python: the seed&apos;s own code for this example.</source>
        <translation>Effective Python 노트에서 가져온, 이 예제의 원래 코드입니다.</translation>
    </message>
    <message>
        <source>Generated by SpawnScope from this preset, in the style of the notes.</source>
        <translation>SpawnScope가 이 프리셋으로부터 노트의 스타일로 생성한 코드입니다.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <source>Generated by SpawnScope: a complete Qt 6 program, driven by signals.</source>
        <translation>SpawnScope가 생성한 코드: 시그널로 움직이는 완전한 Qt 6 프로그램입니다.</translation>
    </message>
    <message>
        <source>Build it with: %1</source>
        <translation>빌드 방법: %1</translation>
    </message>
    <message>
        <source>%1 copies of: %2</source>
        <translation>%2 복사본 %1개</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>실행: %1</translation>
    </message>
    <message>
        <source>Run this Python (watched)</source>
        <translation>이 Python 실행 (관찰)</translation>
    </message>
    <message>
        <source>Run this code with python3 under watch: every child CPython starts appears under it in the table and on the timeline, next to SpawnScope&apos;s own run of the lesson</source>
        <translation>이 코드를 python3로 관찰하며 실행합니다. CPython이 띄우는 자식이 모두 표와 타임라인에서 그 아래에 나타나, SpawnScope가 같은 예제를 실행한 결과와 나란히 보입니다</translation>
    </message>
    <message>
        <source>%1 (its Python, watched)</source>
        <translation>%1 (Python으로, 관찰)</translation>
    </message>
</context>
<context>
    <name>CommandBar</name>
    <message>
        <source>run in /bin/sh -c</source>
        <translation>/bin/sh -c로 실행</translation>
    </message>
    <message>
        <source>keep stdin open</source>
        <translation>stdin 열어 두기</translation>
    </message>
    <message>
        <source>run in a terminal</source>
        <translation>터미널에서 실행</translation>
    </message>
    <message>
        <source>watch its family</source>
        <translation>가족 관찰</translation>
    </message>
    <message>
        <source>A command to run, e.g.  sleep 2  or  echo &quot;two words&quot;</source>
        <translation>실행할 명령, 예:  sleep 2  또는  echo &quot;two words&quot;</translation>
    </message>
    <message>
        <source>Enter runs it. Split into words as a POSIX shell does: single quotes, double quotes and backslashes group and escape, but nothing is expanded, so $HOME, * and $(…) stay as typed. The words run directly: no shell is involved unless you tick &quot;run in /bin/sh -c&quot;.</source>
        <translation>Enter를 누르면 실행됩니다. POSIX 셸처럼 단어를 나눕니다: 작은따옴표, 큰따옴표, 백슬래시로 묶거나 이스케이프할 수 있지만 아무것도 확장되지 않으므로 $HOME, *, $(…)는 입력한 그대로 남습니다. 나눈 단어는 바로 실행됩니다: &quot;/bin/sh -c로 실행&quot;을 체크하지 않으면 셸을 거치지 않습니다.</translation>
    </message>
    <message>
        <source>Hand the whole line to /bin/sh, so pipes, globs and $VARIABLES work. The row is marked [shell].</source>
        <translation>줄 전체를 /bin/sh에 넘기므로 파이프, 글롭, $VARIABLES가 동작합니다. 해당 행에는 [shell] 표시가 붙습니다.</translation>
    </message>
    <message>
        <source>Leave the command&apos;s stdin open: type lines for it under its output, Enter sends one, Ctrl+D ends input.</source>
        <translation>명령의 stdin을 열어 둡니다: 출력 아래에 줄을 입력하고, Enter로 한 줄씩 보내며, Ctrl+D로 입력을 끝냅니다.</translation>
    </message>
    <message>
        <source>Give the command a pseudo-terminal, so it sees a terminal (isatty) and line-buffers and colours its output as in a shell. Its stderr is merged into stdout.</source>
        <translation>명령에 의사 터미널을 줍니다. 그러면 명령은 터미널을 보고(isatty) 셸에서처럼 줄 단위로 버퍼링하고 출력에 색을 입힙니다. stderr는 stdout에 합쳐집니다.</translation>
    </message>
    <message>
        <source>Trace every process the command starts, however short its life: each fork, exec and exit, with exit codes, CPU time, peak memory and the pipes between them, as rows under it and lanes on the timeline (uses ptrace).</source>
        <translation>명령이 띄우는 모든 프로세스를 수명이 아무리 짧아도 추적합니다. fork, exec, 종료 하나하나를 종료 코드, CPU 시간, 최대 메모리, 서로를 잇는 파이프와 함께 그 아래의 행과 타임라인의 레인으로 보여 줍니다 (ptrace 사용).</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Run &amp;command</source>
        <translation>명령 실행(&amp;C)</translation>
    </message>
    <message>
        <source>Run the command typed above the table</source>
        <translation>표 위에 입력한 명령을 실행합니다</translation>
    </message>
    <message>
        <source>&amp;Watch a program…</source>
        <translation>프로그램 관찰(&amp;W)…</translation>
    </message>
    <message>
        <source>Run a program and trace its whole process family: every fork, exec, exit and pipe</source>
        <translation>프로그램을 실행하고 프로세스 가족 전체를 추적합니다: 모든 fork, exec, 종료, 파이프</translation>
    </message>
    <message>
        <source>Watch a program</source>
        <translation>프로그램 관찰</translation>
    </message>
    <message>
        <source>Program and arguments, split as a shell would (e.g.  python3 item52.py  or  make -j4).
Every process it starts appears under it, with its pipes, however short its life.</source>
        <translation>프로그램과 인자. 셸처럼 단어로 나눕니다 (예:  python3 item52.py  또는  make -j4).
이 프로그램이 띄우는 모든 프로세스가 수명이 아무리 짧아도 파이프와 함께 그 아래에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <source>The run the ratios are relative to</source>
        <translation>비율의 기준이 되는 실행</translation>
    </message>
    <message>
        <source>The run measured against A: B ÷ A</source>
        <translation>A에 대어 잰 실행: B ÷ A</translation>
    </message>
    <message>
        <source>Run &amp;A:</source>
        <translation>실행 &amp;A:</translation>
    </message>
    <message>
        <source>Run &amp;B:</source>
        <translation>실행 &amp;B:</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B ÷ A</source>
        <translation>B ÷ A</translation>
    </message>
    <message>
        <source>#%1 %2 — %3</source>
        <translation>#%1 %2 — %3</translation>
    </message>
</context>
<context>
    <name>FamilyWatch</name>
    <message>
        <source>the pipe for the tracer&apos;s events could not be made (%1): close some programs or raise the open-files limit (ulimit -n)</source>
        <translation>추적기의 이벤트를 받을 파이프를 만들 수 없습니다 (%1): 프로그램 몇 개를 닫거나 열린 파일 한도(ulimit -n)를 올리세요</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <source>the job log</source>
        <translation>작업 로그</translation>
    </message>
    <message>
        <source>the trace</source>
        <translation>트레이스</translation>
    </message>
    <message>
        <source>the report</source>
        <translation>보고서</translation>
    </message>
</context>
<context>
    <name>JobActions</name>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the selected job or group: SIGTERM to its process group, then SIGKILL after the grace period (Ctrl+.)</source>
        <translation>선택한 작업 또는 그룹을 중지합니다: 프로세스 그룹에 SIGTERM을 보내고, 유예 시간이 지나면 SIGKILL을 보냅니다 (Ctrl+.)</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>강제 종료(&amp;K)</translation>
    </message>
    <message>
        <source>Kill the selected job or group now with SIGKILL, which cannot be caught (Ctrl+K)</source>
        <translation>선택한 작업 또는 그룹을 가로챌 수 없는 SIGKILL로 지금 바로 강제 종료합니다 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Run &amp;again</source>
        <translation>다시 실행(&amp;A)</translation>
    </message>
    <message>
        <source>Start the selected group&apos;s preset again as a new group (Ctrl+R)</source>
        <translation>선택한 그룹의 프리셋을 새 그룹으로 다시 시작합니다 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Co&amp;mpare runs…</source>
        <translation>실행 비교(&amp;M)…</translation>
    </message>
    <message>
        <source>Two finished runs side by side: wall time, Σ, parallelism, CPU time and peak memory with the ratios, and their timelines on one time axis (Ctrl+M)</source>
        <translation>끝난 두 실행을 나란히: 벽시계 시간, Σ, 병렬도, CPU 시간, 최대 메모리와 그 비율, 그리고 한 시간 축 위의 두 타임라인(Ctrl+M)</translation>
    </message>
    <message>
        <source>C&amp;lear finished</source>
        <translation>끝난 항목 지우기(&amp;L)</translation>
    </message>
    <message>
        <source>Remove every finished group from the table (Ctrl+L)</source>
        <translation>끝난 그룹을 모두 표에서 제거합니다 (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Save as preset</source>
        <translation>프리셋으로 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Keep the selected job (program, arguments, environment, timeout) as one of your presets; the same as dragging its row onto the preset list</source>
        <translation>선택한 작업(프로그램, 인수, 환경, 타임아웃)을 내 프리셋으로 보관합니다. 해당 행을 프리셋 목록으로 끌어다 놓는 것과 같습니다</translation>
    </message>
    <message>
        <source>&amp;Limits…</source>
        <translation>한도(&amp;L)…</translation>
    </message>
    <message>
        <source>Compare needs two finished runs: run a preset twice (say serially and in parallel), or open a session.</source>
        <translation>비교하려면 끝난 실행이 둘 있어야 합니다: 프리셋을 두 번(예를 들어 하나씩, 그리고 병렬로) 실행하거나 세션을 여세요.</translation>
    </message>
</context>
<context>
    <name>JobColumn</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Process ID. Each child also leads its own process group, so Stop reaches its children too.</source>
        <translation>프로세스 ID입니다. 각 자식 프로세스는 자체 프로세스 그룹의 리더이기도 하므로, 중지하면 그 자식들에게도 전달됩니다.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>시작 실패</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>An exit code is what the child returned: 0 means success, 1 to 255 that the program reports a failure. A signal name means a signal ended it: then there is no exit code (Python&apos;s returncode shows -N). A shell reports a child that signal N killed as exit code 128+N, so 143 from sh is SIGTERM.</source>
        <translation>종료 코드는 자식 프로세스가 돌려준 값입니다: 0은 성공, 1부터 255는 프로그램이 실패를 알린 것입니다. 시그널 이름이 보이면 시그널이 프로세스를 끝낸 것이며, 이때는 종료 코드가 없습니다(파이썬의 returncode는 -N으로 표시합니다). 셸은 시그널 N으로 죽은 자식 프로세스를 종료 코드 128+N으로 알리므로, sh가 보고한 143은 SIGTERM입니다.</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>For a child: its lifetime. For a group: wall time from first start to last exit</source>
        <translation>자식 프로세스: 실행된 시간. 그룹: 첫 시작부터 마지막 종료까지의 벽시계 시간</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>폴링</translation>
    </message>
    <message>
        <source>How many times the parent polled while the child was still running</source>
        <translation>자식 프로세스가 아직 실행 중일 때 부모 프로세스가 폴링한 횟수</translation>
    </message>
    <message>
        <source>Stdout</source>
        <translation>Stdout</translation>
    </message>
    <message>
        <source>Bytes the child wrote to stdout (→ pipe: they went straight to the next stage)</source>
        <translation>자식 프로세스가 stdout에 쓴 바이트 수 (→ 파이프: 다음 단계로 바로 전달됨)</translation>
    </message>
    <message>
        <source>Stderr</source>
        <translation>Stderr</translation>
    </message>
    <message>
        <source>Bytes the child wrote to stderr</source>
        <translation>자식 프로세스가 stderr에 쓴 바이트 수</translation>
    </message>
    <message>
        <source>Last line</source>
        <translation>마지막 줄</translation>
    </message>
    <message>
        <source>A child&apos;s last line of output; for a group, the sum of its children&apos;s times and how many ran at once (Σ ÷ wall)</source>
        <translation>자식 프로세스: 출력의 마지막 줄. 그룹: 자식 프로세스 시간의 합과 동시에 실행된 수 (Σ ÷ 벽시계)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU use over the last sample interval, as top shows it, summed over the process and its descendants: 100 % is one core busy</source>
        <translation>마지막 샘플링 간격 동안의 CPU 사용률을 top처럼 프로세스와 그 자손에 걸쳐 더한 값: 100 %는 코어 하나가 꽉 찬 상태</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU 시간</translation>
    </message>
    <message>
        <source>User plus system CPU time of the process and its descendants: sampled while running, exact from the kernel once it ended</source>
        <translation>프로세스와 그 자손의 사용자 시간과 시스템 시간의 합: 실행 중에는 샘플링 값, 끝난 뒤에는 커널이 알려 준 정확한 값</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Resident memory (RSS) now, summed over the process and its descendants</source>
        <translation>현재 상주 메모리(RSS)로, 프로세스와 그 자손들을 합한 값입니다</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>최대 메모리</translation>
    </message>
    <message>
        <source>The most resident memory one process held; ≥ marks a lower bound from samples</source>
        <translation>한 프로세스가 차지한 가장 큰 상주 메모리입니다. ≥는 샘플에서 얻은 하한값을 뜻합니다</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>Threads now, over the process and its descendants</source>
        <translation>프로세스와 그 자손들의 현재 스레드 수입니다</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽기</translation>
    </message>
    <message>
        <source>Bytes read from storage (not pipes); empty when the kernel does not tell</source>
        <translation>저장 장치에서 읽은 바이트 수입니다(파이프 제외). 커널이 알려 주지 않으면 비어 있습니다</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>쓰기</translation>
    </message>
    <message>
        <source>Bytes written to storage (not pipes); empty when the kernel does not tell</source>
        <translation>저장 장치에 쓴 바이트 수입니다(파이프 제외). 커널이 알려 주지 않으면 비어 있습니다</translation>
    </message>
    <message>
        <source>⟲ Ten sleeps in parallel</source>
        <translation>⟲ 병렬로 실행하는 sleep 열 개</translation>
    </message>
</context>
<context>
    <name>JobControl</name>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>재개(&amp;U)</translation>
    </message>
    <message>
        <source>Send si&amp;gnal</source>
        <translation>시그널 보내기(&amp;G)</translation>
    </message>
    <message>
        <source>This process &amp;only</source>
        <translation>이 프로세스에만(&amp;O)</translation>
    </message>
    <message>
        <source>Pause the selected job or group: SIGSTOP to its process group. A running timeout keeps counting wall time while it is paused (Ctrl+P)</source>
        <translation>선택한 작업이나 그룹을 일시 정지합니다: 프로세스 그룹에 SIGSTOP을 보냅니다. 실행 중인 타임아웃은 일시 정지 중에도 벽시계 시간을 계속 셉니다 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Let the selected job or group go on: SIGCONT to its process group (Ctrl+Shift+P)</source>
        <translation>선택한 작업이나 그룹을 계속 실행합니다: 프로세스 그룹에 SIGCONT를 보냅니다 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Send %1 (signal %2) to the selected job&apos;s process group</source>
        <translation>선택한 작업의 프로세스 그룹에 %1(시그널 %2)을 보냅니다</translation>
    </message>
    <message>
        <source>Send to the job&apos;s own process only, not to the children it started in its process group</source>
        <translation>작업 자신의 프로세스에만 보내고, 그 프로세스 그룹에서 시작한 자식들에게는 보내지 않습니다</translation>
    </message>
    <message>
        <source>Nothing to pause: the selection is not running (it already ended or has not started).</source>
        <translation>일시 정지할 것이 없습니다: 선택한 항목이 실행 중이 아닙니다(이미 끝났거나 아직 시작하지 않았습니다).</translation>
    </message>
    <message>
        <source>Could not pause PID %1: it ended meanwhile or kill() was refused (see the log).</source>
        <translation>PID %1을 일시 정지할 수 없습니다: 그사이 끝났거나 kill()이 거부되었습니다(로그를 보세요).</translation>
    </message>
    <message>
        <source>Paused %1: SIGSTOP to process group %2. A timeout keeps counting while it is paused.</source>
        <translation>%1을 일시 정지했습니다: 프로세스 그룹 %2에 SIGSTOP. 일시 정지 중에도 타임아웃은 계속 셉니다.</translation>
    </message>
    <message numerus="yes">
        <source>Paused %n job(s): SIGSTOP to process groups %1. A timeout keeps counting while they are paused.</source>
        <translation>
            <numerusform>작업 %n개를 일시 정지했습니다: 프로세스 그룹 %1에 SIGSTOP. 일시 정지 중에도 타임아웃은 계속 셉니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to resume: the selection is not running (it already ended or has not started).</source>
        <translation>재개할 것이 없습니다: 선택한 항목이 실행 중이 아닙니다(이미 끝났거나 아직 시작하지 않았습니다).</translation>
    </message>
    <message>
        <source>Could not resume PID %1: it ended meanwhile or kill() was refused (see the log).</source>
        <translation>PID %1을 재개할 수 없습니다: 그사이 끝났거나 kill()이 거부되었습니다(로그를 보세요).</translation>
    </message>
    <message>
        <source>Resumed %1: SIGCONT to process group %2.</source>
        <translation>%1을 재개했습니다: 프로세스 그룹 %2에 SIGCONT.</translation>
    </message>
    <message numerus="yes">
        <source>Resumed %n job(s): SIGCONT to process groups %1.</source>
        <translation>
            <numerusform>작업 %n개를 재개했습니다: 프로세스 그룹 %1에 SIGCONT.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 not sent: the selection is not running (it already ended or has not started).</source>
        <translation>%1을 보내지 않았습니다: 선택한 항목이 실행 중이 아닙니다(이미 끝났거나 아직 시작하지 않았습니다).</translation>
    </message>
    <message>
        <source>Could not send %1 to PID %2: it ended meanwhile or kill() was refused (see the log).</source>
        <translation>PID %2에 %1을 보낼 수 없습니다: 그사이 끝났거나 kill()이 거부되었습니다(로그를 보세요).</translation>
    </message>
    <message>
        <source>Sent %1 (%2) to process group %3.</source>
        <translation>프로세스 그룹 %3에 %1(%2)을 보냈습니다.</translation>
    </message>
    <message>
        <source>Sent %1 (%2) to PID %3 only, not its process group.</source>
        <translation>%1(%2)을 프로세스 그룹이 아닌 PID %3에만 보냈습니다.</translation>
    </message>
</context>
<context>
    <name>JobDetailPane</name>
    <message>
        <source>&amp;Hex</source>
        <translation>16진수(&amp;H)</translation>
    </message>
    <message>
        <source>Select a row to see its command, output and exit.</source>
        <translation>행을 선택하면 명령, 출력, 종료 상태를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Show stdout as a hex dump, as the seed prints binary output like b&apos;\x87\x14...&apos;</source>
        <translation>예제가 b&apos;\x87\x14...&apos;처럼 바이너리 출력을 찍듯이, stdout을 16진수 덤프로 보여 줍니다</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <source>stderr</source>
        <translation>stderr</translation>
    </message>
    <message>
        <source>Seed Python</source>
        <translation>예제 파이썬 코드</translation>
    </message>
    <message>
        <source>The Effective Python code this preset reproduces</source>
        <translation>이 프리셋이 재현하는 Effective Python 코드</translation>
    </message>
    <message>
        <source>(This preset has no seed code.)</source>
        <translation>(이 프리셋에는 예제 코드가 없습니다.)</translation>
    </message>
    <message>
        <source>stdout (%1)</source>
        <translation>stdout (%1)</translation>
    </message>
    <message>
        <source>stderr (%1)</source>
        <translation>stderr (%1)</translation>
    </message>
    <message>
        <source>(stdout goes through an OS pipe straight into the next stage&apos;s stdin; the app never sees it)
</source>
        <translation>(stdout은 OS 파이프를 통해 다음 단계의 stdin으로 바로 전달되므로 앱에는 보이지 않습니다)
</translation>
    </message>
    <message>
        <source>(nothing)
</source>
        <translation>(없음)
</translation>
    </message>
    <message>
        <source>Command:  %1</source>
        <translation>명령 줄:  %1</translation>
    </message>
    <message>
        <source>          [shell] this runs through /bin/sh -c: the shell parses the line, not SpawnScope</source>
        <translation>          [shell] /bin/sh -c를 통해 실행됩니다: 이 줄은 SpawnScope가 아니라 셸이 해석합니다</translation>
    </message>
    <message>
        <source>argv:</source>
        <translation>argv:</translation>
    </message>
    <message>
        <source>Working directory:  %1</source>
        <translation>작업 디렉터리:  %1</translation>
    </message>
    <message>
        <source>(inherited) %1</source>
        <translation>(상속됨) %1</translation>
    </message>
    <message>
        <source>Environment:  inherited, no overrides</source>
        <translation>환경:  상속됨, 재정의 없음</translation>
    </message>
    <message>
        <source>Environment overrides:</source>
        <translation>환경 재정의:</translation>
    </message>
    <message>
        <source>   (secret)</source>
        <translation>   (비밀)</translation>
    </message>
    <message>
        <source>stdin:  %1 bytes written, then closed (EOF)</source>
        <translation>stdin:  %1바이트를 쓴 뒤 닫음 (EOF)</translation>
    </message>
    <message>
        <source>stdin:  an OS pipe from the previous stage&apos;s stdout</source>
        <translation>stdin:  이전 단계의 stdout에서 오는 OS 파이프</translation>
    </message>
    <message>
        <source>stdin:  /dev/null (EOF at once)</source>
        <translation>stdin:  /dev/null (즉시 EOF)</translation>
    </message>
    <message>
        <source>stdout:  an OS pipe into the next stage&apos;s stdin</source>
        <translation>stdout:  다음 단계의 stdin으로 가는 OS 파이프</translation>
    </message>
    <message>
        <source>PID:  %1   (leads its own process group, so Stop reaches its children too)</source>
        <translation>PID:  %1   (자체 프로세스 그룹의 리더이므로, 중지하면 그 자식 프로세스에도 전달됩니다)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>State:  %1</source>
        <translation>상태:  %1</translation>
    </message>
    <message>
        <source>Exit:  %1</source>
        <translation>종료:  %1</translation>
    </message>
    <message>
        <source>%1 (%2), no exit code</source>
        <translation>%1 (%2), 종료 코드 없음</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>코드 %1</translation>
    </message>
    <message>
        <source>Started at %1, elapsed %2</source>
        <translation>%1에 시작, 경과 시간 %2</translation>
    </message>
    <message>
        <source>SIGTERM sent at %1</source>
        <translation>%1에 SIGTERM 보냄</translation>
    </message>
    <message>
        <source>SIGKILL sent at %1</source>
        <translation>%1에 SIGKILL 보냄</translation>
    </message>
    <message>
        <source>Polled every %1: %2 polls found it still running</source>
        <translation>%1마다 폴링: %2번의 폴링에서 아직 실행 중이었음</translation>
    </message>
    <message>
        <source>Timeout %1, then SIGTERM; SIGKILL after a %2 grace period</source>
        <translation>타임아웃 %1 후 SIGTERM, 유예 시간 %2 후 SIGKILL</translation>
    </message>
    <message>
        <source>Pipeline:  %1</source>
        <translation>파이프라인:  %1</translation>
    </message>
    <message>
        <source>Copies:  %1, all started before any is waited for</source>
        <translation>복사본:  %1개, 어느 것도 기다리기 전에 모두 시작됨</translation>
    </message>
    <message>
        <source>stdin of the first stage:  %1</source>
        <translation>첫 단계의 stdin:  %1</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>출력에서 찾기</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>자원</translation>
    </message>
    <message>
        <source>The selected job&apos;s CPU % and memory over its life, as sampled</source>
        <translation>선택한 작업의 수명 동안 샘플링한 CPU %와 메모리</translation>
    </message>
    <message>
        <source>Type a line for its stdin: Enter sends it, Ctrl+D ends input</source>
        <translation>stdin에 보낼 줄을 입력하세요: Enter로 보내고, Ctrl+D로 입력을 끝냅니다</translation>
    </message>
    <message>
        <source>End input (Ctrl+D)</source>
        <translation>입력 끝내기 (Ctrl+D)</translation>
    </message>
    <message>
        <source>stdin, stdout, stderr:  a pseudo-terminal (isatty is true; stderr shows in stdout)</source>
        <translation>stdin, stdout, stderr:  의사 터미널 (isatty가 참; stderr는 stdout에 함께 보입니다)</translation>
    </message>
    <message>
        <source>stdin:  kept open for typed input, %1 bytes sent so far</source>
        <translation>stdin:  입력을 위해 열어 둠, 지금까지 %1바이트 보냄</translation>
    </message>
    <message>
        <source>Paused (stopped by SIGSTOP or another stop signal); a timeout keeps counting</source>
        <translation>일시 정지됨 (SIGSTOP이나 다른 정지 시그널로 멈춤); 타임아웃은 계속 셉니다</translation>
    </message>
    <message numerus="yes">
        <source>Paused %n time(s) during its life</source>
        <translation>
            <numerusform>수명 동안 %n번 일시 정지됨</numerusform>
        </translation>
    </message>
    <message>
        <source>Descendants seen:  %1</source>
        <translation>본 자손 프로세스:  %1</translation>
    </message>
    <message numerus="yes">
        <source>, %n left its process group (setsid)</source>
        <translation>
            <numerusform>, %n개는 프로세스 그룹을 떠남 (setsid)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not watched: %1. It ran unwatched; the processes below it are sampled.</source>
        <translation>관찰하지 못함: %1. 관찰 없이 실행했고, 그 아래의 프로세스는 샘플링한 것입니다.</translation>
    </message>
    <message numerus="yes">
        <source>Watched family: %n process(es), every fork, exec and exit (ptrace)</source>
        <translation>
            <numerusform>관찰한 가족: 프로세스 %n개, 모든 fork, exec, 종료 (ptrace)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more job(s) not listed here: each has its row in the table.</source>
        <translation>
            <numerusform>… 그리고 여기에 나열되지 않은 작업 %n개: 각 작업은 표에 자기 행이 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more job(s) that wrote here: select one to see its output, or press Ctrl+F to search them all
</source>
        <translation>
            <numerusform>… 그리고 여기에 출력한 작업 %n개가 더 있습니다: 작업을 선택해 출력을 보거나, Ctrl+F로 모두 검색하세요
</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>… trimmed to the output budget: showing the last %1 of %2 written</source>
        <translation>… 출력 예산에 맞춰 줄임: 기록된 %2 중 마지막 %1만 표시</translation>
    </message>
    <message>
        <source>… showing the last %1 of %2 written</source>
        <translation>… 기록된 %2 중 마지막 %1만 표시</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>Wall time:  %1   Nothing ran, so there is no parallelism to measure.</source>
        <translation>벽시계 시간:  %1   실행된 것이 없으므로 측정할 병렬성이 없습니다.</translation>
    </message>
    <message>
        <source>Wall time:  %1   Sum of children:  %2   Parallelism (sum ÷ wall):  %3</source>
        <translation>벽시계 시간:  %1   자식 프로세스 합계:  %2   병렬성 (합계 ÷ 벽시계 시간):  %3</translation>
    </message>
    <message>
        <source>PID:  %1   (watched: in its tracer %2&apos;s process group, so Stop reaches the family too)</source>
        <translation>PID:  %1   (관찰 중: 추적기 %2의 프로세스 그룹에 있어, 중지하면 가족 전체에 전달됩니다)</translation>
    </message>
    <message>
        <source>Tracer %1 (not counted in the job): %2, %3 CPU</source>
        <translation>추적기 %1 (작업에 포함되지 않음): %2, CPU %3</translation>
    </message>
    <message>
        <source>The tracer&apos;s own CPU time (not counted in the job): %1</source>
        <translation>추적기 자신의 CPU 시간 (작업에 넣지 않음): %1</translation>
    </message>
</context>
<context>
    <name>JobProcess</name>
    <message>
        <source>stopped while queued: it never ran</source>
        <translation>대기 중에 중지됨: 한 번도 실행되지 않았습니다</translation>
    </message>
    <message>
        <source>could not create a pipe for its output (%1): close some programs or raise the open-files limit (ulimit -n)</source>
        <translation>출력용 파이프를 만들 수 없습니다 (%1): 프로그램을 몇 개 닫거나 열린 파일 수 제한을 늘리십시오 (ulimit -n)</translation>
    </message>
    <message>
        <source>could not open a pseudo-terminal for it (%1): run it without &quot;run in a terminal&quot;, or check that /dev/pts is mounted</source>
        <translation>의사 터미널을 열 수 없습니다(%1): &quot;터미널에서 실행&quot; 없이 실행하거나, /dev/pts가 마운트되어 있는지 확인하세요</translation>
    </message>
    <message>
        <source>this job&apos;s stdin is not kept open: start it with &quot;keep stdin open&quot; to type into it</source>
        <translation>이 작업의 stdin은 열려 있지 않습니다: 입력하려면 &quot;stdin 열어 두기&quot;로 시작하세요</translation>
    </message>
    <message>
        <source>the job is not running, so it reads no more input</source>
        <translation>작업이 실행 중이 아니므로 더 이상 입력을 읽지 않습니다</translation>
    </message>
    <message>
        <source>the job&apos;s stdin is already closed (end of input was sent)</source>
        <translation>작업의 stdin은 이미 닫혔습니다(입력 끝을 보냈습니다)</translation>
    </message>
</context>
<context>
    <name>JobTreeCells</name>
    <message>
        <source>(fork of %1)</source>
        <translation>(%1의 fork)</translation>
    </message>
    <message>
        <source>The sum over the group&apos;s processes (peak RSS: the largest one).</source>
        <translation>그룹의 모든 프로세스를 합한 값입니다(최대 RSS는 그중 가장 큰 값).</translation>
    </message>
    <message>
        <source>%1
%2 — read-only; Run again (Ctrl+R) runs it anew</source>
        <translation>%1
%2 — 읽기 전용입니다. 다시 실행(Ctrl+R)하면 새로 실행합니다</translation>
    </message>
    <message>
        <source>Wall time is how long the group took from first start to last exit; Σ adds up every child&apos;s own time. Σ ÷ wall is the parallelism: about 1 for one-at-a-time, about N when N children really ran at once.</source>
        <translation>벽시계 시간은 그룹이 첫 시작부터 마지막 종료까지 걸린 시간이고, Σ는 각 자식 프로세스의 실행 시간을 모두 더한 값입니다. Σ ÷ 벽시계 시간이 병렬성입니다: 하나씩 차례로 실행하면 약 1, 자식 프로세스 N개가 정말로 동시에 실행되면 약 N입니다.</translation>
    </message>
    <message>
        <source>%1  [shell]</source>
        <translation>%1  [shell]</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>Exact: the kernel&apos;s count for the child and the children it waited for, taken when it was reaped.</source>
        <translation>정확한 값: 자식 프로세스가 회수될 때 읽은, 그 프로세스와 그것이 기다린 자식들에 대한 커널의 집계입니다.</translation>
    </message>
    <message>
        <source>Sampled: the CPU time read at the last sample.</source>
        <translation>샘플링 값: 마지막 샘플에서 읽은 CPU 시간입니다.</translation>
    </message>
    <message>
        <source>Exact: the kernel&apos;s high-water mark for this child, taken when it was reaped.</source>
        <translation>정확한 값: 이 자식 프로세스가 회수될 때 읽은 커널의 최고 사용량입니다.</translation>
    </message>
    <message>
        <source>At least this much: the largest peak read at a sample (the last sample&apos;s high-water mark); the kernel&apos;s exact figure for this child was not available.</source>
        <translation>최소한 이만큼: 샘플에서 읽은 가장 큰 최고치(마지막 샘플의 최고 사용량)입니다. 이 자식 프로세스에 대한 커널의 정확한 값은 얻을 수 없었습니다.</translation>
    </message>
    <message>
        <source>→ pipe</source>
        <translation>→ 파이프</translation>
    </message>
    <message>
        <source>pid %1, child of %2, %3 at %4</source>
        <translation>pid %1, %2의 자식, %4에 %3</translation>
    </message>
    <message>
        <source>exec at %1: %2</source>
        <translation>%1에 exec: %2</translation>
    </message>
    <message>
        <source>ended at %1</source>
        <translation>%1에 끝남</translation>
    </message>
    <message>
        <source>Watched: every fork, exec and exit is recorded as it happens, however short.</source>
        <translation>관찰 중: 아무리 짧아도 모든 fork, exec, 종료가 일어나는 순간 기록됩니다.</translation>
    </message>
    <message>
        <source>Exact: the kernel&apos;s own accounting at its reap, to the microsecond; its own time, not its children&apos;s (each is a row of its own).</source>
        <translation>정확함: 회수 시점에 커널이 직접 잰 값이며 마이크로초 단위입니다. 자식의 시간은 빼고 자신의 시간만 셉니다 (자식은 각자 한 행입니다).</translation>
    </message>
    <message>
        <source>It left the job&apos;s process group (setsid or setpgid): Stop and the timeout signal the group, so they reach it only through the job&apos;s child, and not at all once that child is gone.</source>
        <translation>작업의 프로세스 그룹을 떠났습니다(setsid 또는 setpgid). 중지와 타임아웃은 그룹에 시그널을 보내므로, 작업의 자식 프로세스를 통해서만 닿고, 그 자식이 끝나면 전혀 닿지 않습니다.</translation>
    </message>
    <message>
        <source>Last seen at %1: it ended (or was reaped) before the next sample.</source>
        <translation>마지막으로 본 시각 %1: 다음 샘플 전에 끝났거나 회수되었습니다.</translation>
    </message>
    <message>
        <source>Seen in one sample only: it lived for less than two sample intervals.</source>
        <translation>샘플 하나에서만 보였습니다: 샘플링 간격 두 번보다 짧게 살았습니다.</translation>
    </message>
    <message>
        <source>Sampled: the values read at the last sample.</source>
        <translation>샘플링 값: 마지막 샘플에서 읽은 값입니다.</translation>
    </message>
    <message>
        <source>%1 (setsid)</source>
        <translation>%1 (setsid)</translation>
    </message>
    <message>
        <source>seen once</source>
        <translation>한 번 보임</translation>
    </message>
</context>
<context>
    <name>JobTreeModel</name>
    <message numerus="yes">
        <source>⋯ %n older run(s) folded to keep the table fast: %1 jobs, %2 ok, %3 failed, since %4 (the last: %5). The table keeps the newest %6 finished jobs; Jobs → Limits… changes that.</source>
        <translation>
            <numerusform>⋯ 표를 빠르게 유지하려고 오래된 실행 %n개를 접었습니다: 작업 %1개, 성공 %2, 실패 %3, %4부터 (마지막: %5). 표는 가장 최근의 끝난 작업 %6개를 남깁니다. 작업 → 한도…에서 바꿀 수 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n older run(s) folded</source>
        <translation>
            <numerusform>⋯ 오래된 실행 %n개 접힘</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 jobs, %2 ok, %3 failed, since %4 (the last: %5); the table keeps the newest %6 finished jobs</source>
        <translation>작업 %1개, 성공 %2, 실패 %3, %4부터 (마지막: %5); 표는 가장 최근의 끝난 작업 %6개를 남깁니다</translation>
    </message>
    <message>
        <source>folded</source>
        <translation>접힘</translation>
    </message>
</context>
<context>
    <name>JobsToolBar</name>
    <message>
        <source>Jobs</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>최대 </translation>
    </message>
    <message>
        <source> at once</source>
        <translation> 개 동시 실행</translation>
    </message>
    <message>
        <source>How many children may run at the same time. The others wait, shown as &quot;queued&quot;, and start as slots free up. A chain needs one slot per stage.</source>
        <translation>동시에 실행할 수 있는 자식 프로세스 수입니다. 나머지는 &quot;대기 중&quot;으로 표시되어 기다리다가 자리가 나는 대로 시작합니다. 체인은 단계마다 자리 하나가 필요합니다.</translation>
    </message>
    <message>
        <source>sample every </source>
        <translation>샘플링 간격 </translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How often CPU, memory and descendants are read from /proc. Shorter catches short-lived descendants (one living less than an interval may never be seen) and draws finer charts; longer costs less.</source>
        <translation>CPU, 메모리, 자손 프로세스를 /proc에서 얼마나 자주 읽을지 정합니다. 짧을수록 수명이 짧은 자손을 잡고(한 간격보다 짧게 사는 자손은 못 볼 수도 있습니다) 차트가 촘촘해지며, 길수록 비용이 적습니다.</translation>
    </message>
</context>
<context>
    <name>JsonNumber</name>
    <message>
        <source>is %1, outside %2 to %3</source>
        <translation>%1(으)로, %2~%3 범위를 벗어났습니다</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>숫자가 아닙니다</translation>
    </message>
    <message>
        <source>is not a whole number</source>
        <translation>정수가 아닙니다</translation>
    </message>
</context>
<context>
    <name>LabChart</name>
    <message>
        <source>Run a mode to see its wall time here</source>
        <translation>모드를 실행하면 벽시계 시간이 여기에 표시됩니다</translation>
    </message>
    <message>
        <source> · cancelled</source>
        <translation> · 취소됨</translation>
    </message>
    <message>
        <source> · failed</source>
        <translation> · 실패</translation>
    </message>
    <message>
        <source> · machine busy</source>
        <translation> · 컴퓨터 바쁨</translation>
    </message>
</context>
<context>
    <name>LabHeadless</name>
    <message>
        <source>the report</source>
        <translation>보고서</translation>
    </message>
</context>
<context>
    <name>LaunchCheck</name>
    <message>
        <source>the value of the secret %1 was not saved with this preset (secrets never are, outside your presets file): give it again to run it</source>
        <translation>비밀 값 %1은(는) 이 프리셋과 함께 저장되지 않았습니다(비밀 값은 본인의 프리셋 파일 말고는 어디에도 저장되지 않습니다): 실행하려면 값을 다시 입력하세요</translation>
    </message>
    <message>
        <source>the command is empty: there is no program to run</source>
        <translation>명령이 비어 있습니다: 실행할 프로그램이 없습니다</translation>
    </message>
    <message>
        <source>the working directory &quot;%1&quot; does not exist</source>
        <translation>작업 디렉터리 &quot;%1&quot;이(가) 존재하지 않습니다</translation>
    </message>
    <message>
        <source>the working directory &quot;%1&quot; is not a directory</source>
        <translation>작업 디렉터리로 지정한 &quot;%1&quot;은(는) 디렉터리가 아닙니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not exist</source>
        <translation>&quot;%1&quot;이(가) 존재하지 않습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a directory, not a program</source>
        <translation>&quot;%1&quot;은(는) 프로그램이 아니라 디렉터리입니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not executable (its execute permission is not set)</source>
        <translation>&quot;%1&quot;은(는) 실행할 수 없습니다 (실행 권한이 설정되어 있지 않음)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not found on PATH: check the spelling, or install it</source>
        <translation>PATH에서 &quot;%1&quot;을(를) 찾을 수 없습니다: 철자를 확인하거나 프로그램을 설치하십시오</translation>
    </message>
    <message>
        <source>the first line of &quot;%1&quot; ends in a Windows line ending (\r), so the kernel looks for an interpreter named &quot;%2\r&quot;: convert the script to Unix line endings (e.g. dos2unix)</source>
        <translation>&quot;%1&quot;의 첫 줄이 Windows 줄 끝(\r)으로 끝나서, 커널이 &quot;%2\r&quot;이라는 이름의 인터프리터를 찾습니다: 스크립트를 Unix 줄 끝으로 변환하십시오 (예: dos2unix)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a script whose interpreter &quot;%2&quot; (named on its first line, after #!) does not exist: install it, or fix that line</source>
        <translation>&quot;%1&quot;은(는) 스크립트인데, 인터프리터 &quot;%2&quot;(첫 줄의 #! 뒤에 지정됨)이(가) 존재하지 않습니다: 인터프리터를 설치하거나 그 줄을 고치십시오</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a script whose interpreter &quot;%2&quot; (named on its first line, after #!) is not an executable program: fix that line</source>
        <translation>&quot;%1&quot;은(는) 스크립트인데, 인터프리터 &quot;%2&quot;(첫 줄의 #! 뒤에 지정됨)은(는) 실행 가능한 프로그램이 아닙니다: 그 줄을 고치십시오</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <source>Limits</source>
        <translation>한도</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Output kept in memory over all jobs; past it the oldest finished jobs keep only their last 4 KiB (marked trimmed, byte counts exact), never a running job&apos;s</source>
        <translation>모든 작업을 합쳐 메모리에 두는 출력. 이를 넘으면 가장 오래된 끝난 작업부터 마지막 4 KiB만 남깁니다 (잘림 표시, 바이트 수는 정확). 실행 중인 작업의 출력은 줄이지 않습니다</translation>
    </message>
    <message>
        <source>Finished jobs kept in the table:</source>
        <translation>표에 남길 끝난 작업 수:</translation>
    </message>
    <message>
        <source>Output kept in memory:</source>
        <translation>메모리에 둘 출력:</translation>
    </message>
    <message>
        <source>Past this many finished jobs the oldest finished runs leave the table and are counted in a summary row at its top; running jobs are never folded</source>
        <translation>끝난 작업이 이 수를 넘으면 가장 오래된 끝난 실행이 표에서 빠지고 표 맨 위의 요약 행에 집계됩니다. 실행 중인 작업은 접히지 않습니다</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>After a job&apos;s own process exits, a descendant may still hold its output (a background &quot;(sleep 1; echo late) &amp;&quot;): it is read until they all close it, as Python&apos;s communicate() does, for at most this long. Whoever still holds it then is named on the job&apos;s row; 0 stops reading at the exit.</source>
        <translation>작업의 프로세스가 끝난 뒤에도 자손 프로세스가 출력을 쥐고 있을 수 있습니다(백그라운드의 &quot;(sleep 1; echo late) &amp;&quot;처럼). 파이썬의 communicate()처럼 모두가 출력을 닫을 때까지 읽되, 최대 이 시간까지만 읽습니다. 그때까지도 쥐고 있는 프로세스는 작업의 행에 이름이 표시됩니다. 0이면 종료 즉시 읽기를 멈춥니다.</translation>
    </message>
    <message>
        <source>Read output after a job exits, at most:</source>
        <translation>작업이 끝난 뒤 출력을 읽는 최대 시간:</translation>
    </message>
    <message>
        <source>They keep a long session fast and its memory bounded. Remembered.</source>
        <translation>긴 세션도 빠르게, 메모리는 한도 안에 유지합니다. 설정은 기억됩니다.</translation>
    </message>
</context>
<context>
    <name>MachineColumn</name>
    <message>
        <source>Process ID. Bold with ● when SpawnScope started it</source>
        <translation>프로세스 ID입니다. SpawnScope가 시작한 프로세스는 ●와 함께 굵게 표시됩니다</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>The user the process runs as (its real user ID)</source>
        <translation>프로세스를 실행하는 사용자입니다(실제 사용자 ID)</translation>
    </message>
    <message>
        <source>The command line it was started with; [name] for a kernel thread or a process that hides it</source>
        <translation>프로세스를 시작한 명령 줄입니다. 커널 스레드나 명령 줄을 숨긴 프로세스는 [이름]으로 표시됩니다</translation>
    </message>
    <message>
        <source>What the kernel says the process is doing now (R, S, D, T, Z in ps)</source>
        <translation>커널이 알려 주는, 프로세스가 지금 하고 있는 일입니다(ps의 R, S, D, T, Z)</translation>
    </message>
    <message>
        <source>CPU use of this process over the last sample interval, as top shows it: 100 % is one core busy; empty until the second scan</source>
        <translation>마지막 샘플링 간격 동안 이 프로세스의 CPU 사용률을 top처럼 보여 줍니다: 100 %는 코어 하나가 꽉 찬 상태입니다. 두 번째 스캔 전까지는 비어 있습니다</translation>
    </message>
    <message>
        <source>User plus system CPU time of this process since it started</source>
        <translation>이 프로세스가 시작된 뒤 쓴 사용자 시간과 시스템 시간의 합입니다</translation>
    </message>
    <message>
        <source>Resident memory (RSS) of this process now; — when it has none (a kernel thread or a zombie)</source>
        <translation>이 프로세스의 현재 상주 메모리(RSS)입니다. 상주 메모리가 없으면(커널 스레드나 좀비) —로 표시됩니다</translation>
    </message>
    <message>
        <source>Threads of this process now</source>
        <translation>이 프로세스의 현재 스레드 수입니다</translation>
    </message>
    <message>
        <source>Bytes this process read from storage (not pipes); refused for another user&apos;s process</source>
        <translation>이 프로세스가 저장 장치에서 읽은 바이트 수입니다(파이프 제외). 다른 사용자의 프로세스는 커널이 거부합니다</translation>
    </message>
    <message>
        <source>Bytes this process wrote to storage (not pipes); refused for another user&apos;s process</source>
        <translation>이 프로세스가 저장 장치에 쓴 바이트 수입니다(파이프 제외). 다른 사용자의 프로세스는 커널이 거부합니다</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>When the process started: the time today, the date before</source>
        <translation>프로세스가 시작된 때입니다: 오늘이면 시각, 그 전이면 날짜</translation>
    </message>
</context>
<context>
    <name>MachineLink</name>
    <message>
        <source>Cannot watch process %1: %2.</source>
        <translation>프로세스 %1을(를) 관찰할 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Watching process %1 and its family from now on; Stop lets go and leaves them running.</source>
        <translation>이제부터 프로세스 %1과(와) 그 가족을 관찰합니다. 중지하면 모두 실행 중인 채 놓아 줍니다.</translation>
    </message>
    <message>
        <source>Process %1 is not one of SpawnScope&apos;s jobs.</source>
        <translation>프로세스 %1은(는) SpawnScope의 작업이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>MachineLoad</name>
    <message>
        <source>The machine was busy: %1 of %2 cores in use by others; run again</source>
        <translation>컴퓨터가 바빴습니다: 다른 프로그램이 코어 %2개 중 %1만큼 썼습니다. 다시 실행하세요</translation>
    </message>
    <message>
        <source>the machine was busy: %1 of %2 cores in use by others while this mode needs %3; run again</source>
        <translation>컴퓨터가 바빴습니다: 이 모드에는 코어 %3개가 필요한데 다른 프로그램이 코어 %2개 중 %1개를 썼습니다. 다시 실행하세요</translation>
    </message>
</context>
<context>
    <name>MachinePanel</name>
    <message>
        <source>&amp;Show:</source>
        <translation>보기(&amp;S):</translation>
    </message>
    <message>
        <source>My processes</source>
        <translation>내 프로세스</translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>모든 프로세스</translation>
    </message>
    <message>
        <source>Active processes</source>
        <translation>활동 중인 프로세스</translation>
    </message>
    <message>
        <source>My processes: those running as you. Active: running now, or using CPU in the last interval. A process that is not shown stays visible when one below it is</source>
        <translation>내 프로세스: 본인 권한으로 실행 중인 프로세스. 활동 중: 지금 실행 중이거나 마지막 간격 동안 CPU를 쓴 프로세스. 조건에 맞지 않는 프로세스도 그 아래의 프로세스가 보이면 함께 보입니다</translation>
    </message>
    <message>
        <source>&amp;Programs only</source>
        <translation>프로그램만(&amp;P)</translation>
    </message>
    <message>
        <source>Hide the kernel&apos;s own threads (kworker, ksoftirqd, …), shown in [brackets]</source>
        <translation>[대괄호]로 표시되는 커널 자체의 스레드(kworker, ksoftirqd, …)를 숨깁니다</translation>
    </message>
    <message>
        <source>&amp;Tree</source>
        <translation>트리(&amp;T)</translation>
    </message>
    <message>
        <source>Each process under the process that started it</source>
        <translation>각 프로세스를 그 프로세스를 시작한 프로세스 아래에 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>목록(&amp;L)</translation>
    </message>
    <message>
        <source>Every process in one list, to sort the whole machine by CPU or memory</source>
        <translation>모든 프로세스를 한 목록으로 보여 주어, 컴퓨터 전체를 CPU나 메모리로 정렬할 수 있습니다</translation>
    </message>
    <message>
        <source>Filter by PID, command or user (Ctrl+F)</source>
        <translation>PID, 명령 또는 사용자로 거르기 (Ctrl+F)</translation>
    </message>
    <message>
        <source>A number shows that PID; any text shows the processes whose command line or user contains it, with the processes above them</source>
        <translation>숫자를 입력하면 그 PID를 보여 주고, 다른 텍스트를 입력하면 명령 줄이나 사용자에 그 텍스트가 들어 있는 프로세스를 그 위의 프로세스와 함께 보여 줍니다</translation>
    </message>
    <message>
        <source>Send si&amp;gnal</source>
        <translation>시그널 보내기(&amp;G)</translation>
    </message>
    <message>
        <source>Send %1 (signal %2) to the selected process only</source>
        <translation>선택한 프로세스에만 %1(시그널 %2)을 보냅니다</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Stop the selected process where it is: SIGSTOP (Space)</source>
        <translation>선택한 프로세스를 그 자리에서 멈춥니다: SIGSTOP (Space)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>재개(&amp;U)</translation>
    </message>
    <message>
        <source>Let a paused process go on: SIGCONT (Shift+Space)</source>
        <translation>일시 정지된 프로세스를 계속 실행합니다: SIGCONT (Shift+Space)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>Ask the selected process to end (SIGTERM), and end it (SIGKILL) if it is still there after %1 s (Delete)</source>
        <translation>선택한 프로세스에 종료를 요청하고(SIGTERM), %1초 뒤에도 남아 있으면 끝냅니다(SIGKILL) (Delete)</translation>
    </message>
    <message>
        <source>&amp;Watch its family from now on</source>
        <translation>이제부터 가족 관찰(&amp;W)</translation>
    </message>
    <message>
        <source>Trace the selected process and every process it starts from now on, as a watched job</source>
        <translation>선택한 프로세스와 그 프로세스가 이제부터 시작하는 모든 프로세스를, 관찰하는 작업으로 추적합니다</translation>
    </message>
    <message>
        <source>Sent %1 (%2) to PID %3 (%4).</source>
        <translation>PID %3 (%4)에 %1(%2)을 보냈습니다.</translation>
    </message>
    <message>
        <source>%1 not sent to PID %2: %3</source>
        <translation>PID %2에 %1을 보내지 못했습니다: %3</translation>
    </message>
    <message>
        <source>Paused PID %1 (%2): SIGSTOP. Resume lets it go on.</source>
        <translation>PID %1 (%2)을 일시 정지했습니다: SIGSTOP. 재개하면 계속 실행됩니다.</translation>
    </message>
    <message>
        <source>Could not pause PID %1: %2</source>
        <translation>PID %1을 일시 정지할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Resumed PID %1 (%2): SIGCONT.</source>
        <translation>PID %1 (%2)을 재개했습니다: SIGCONT.</translation>
    </message>
    <message>
        <source>Could not resume PID %1: %2</source>
        <translation>PID %1을 재개할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Stopped PID %1: %2</source>
        <translation>PID %1을 중지했습니다: %2</translation>
    </message>
    <message>
        <source>Could not stop PID %1: %2</source>
        <translation>PID %1을 중지할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Stopping PID %1: SIGTERM, then SIGKILL if it is still there after %2 s.</source>
        <translation>PID %1을 중지하는 중: SIGTERM을 보내고, %2초 뒤에도 남아 있으면 SIGKILL을 보냅니다.</translation>
    </message>
</context>
<context>
    <name>MachineScanner</name>
    <message>
        <source>I/O counts: %1</source>
        <translation>I/O 집계: %1</translation>
    </message>
    <message>
        <source>not in this kernel&apos;s io file</source>
        <translation>이 커널의 io 파일에 없습니다</translation>
    </message>
    <message>
        <source>program path: %1</source>
        <translation>프로그램 경로: %1</translation>
    </message>
</context>
<context>
    <name>MachineSnapshot</name>
    <message>
        <source>not a process list: &quot;format&quot; is not &quot;%1&quot;</source>
        <translation>프로세스 목록이 아닙니다: &quot;format&quot; 값이 &quot;%1&quot;이(가) 아닙니다</translation>
    </message>
    <message>
        <source>&quot;version&quot; %1</source>
        <translation>&quot;version&quot; 값이 %1</translation>
    </message>
    <message>
        <source>a process list of version %1, newer than this SpawnScope reads (%2): update SpawnScope</source>
        <translation>버전 %1의 프로세스 목록으로, 이 SpawnScope가 읽는 버전(%2)보다 새롭습니다: SpawnScope를 업데이트하세요</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a list</source>
        <translation>&quot;%1&quot;이(가) 목록이 아닙니다</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1이(가) 객체가 아닙니다</translation>
    </message>
    <message>
        <source>is not a string</source>
        <translation>문자열이 아닙니다</translation>
    </message>
    <message>
        <source>is not a list</source>
        <translation>목록이 아닙니다</translation>
    </message>
    <message>
        <source>holds an item that is not a string</source>
        <translation>문자열이 아닌 항목이 있습니다</translation>
    </message>
    <message>
        <source>is not one letter</source>
        <translation>한 글자가 아닙니다</translation>
    </message>
</context>
<context>
    <name>MachineTreeModel</name>
    <message>
        <source>refused</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>● %1</source>
        <translation>● %1</translation>
    </message>
    <message>
        <source>Program: %1</source>
        <translation>프로그램: %1</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>%1에 시작</translation>
    </message>
    <message>
        <source>started by SpawnScope</source>
        <translation>SpawnScope가 시작함</translation>
    </message>
    <message>
        <source>Not everything could be read: %1</source>
        <translation>일부를 읽지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SpawnScope — child processes, live</source>
        <translation>SpawnScope — 자식 프로세스 실시간 보기</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Export &amp;runs</source>
        <translation>실행 기록 내보내기(&amp;R)</translation>
    </message>
    <message>
        <source>Job log (GNU parallel TSV)…</source>
        <translation>작업 로그 (GNU parallel TSV)…</translation>
    </message>
    <message>
        <source>Trace for Perfetto / chrome://tracing (JSON)…</source>
        <translation>Perfetto / chrome://tracing용 트레이스 (JSON)…</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>작업(&amp;J)</translation>
    </message>
    <message>
        <source>Pr&amp;ocesses</source>
        <translation>프로세스(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Threads lab</source>
        <translation>스레드 실험실(&amp;T)</translation>
    </message>
    <message>
        <source>The children SpawnScope started, live</source>
        <translation>SpawnScope가 시작한 자식 프로세스를 실시간으로 보여 줍니다</translation>
    </message>
    <message>
        <source>Threads vs processes on CPU-bound work and blocking I/O (Effective Python item 53)</source>
        <translation>CPU 바운드 작업과 블로킹 I/O에서 스레드와 프로세스 비교 (Effective Python 항목 53)</translation>
    </message>
    <message>
        <source>Save the chain as a preset</source>
        <translation>체인을 프리셋으로 저장</translation>
    </message>
    <message>
        <source>Chain builder</source>
        <translation>체인 빌더</translation>
    </message>
    <message>
        <source>There is no preset &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; 프리셋이 없습니다.</translation>
    </message>
    <message>
        <source>Save &amp;screenshot…</source>
        <translation>스크린숏 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the whole window as a PNG, for slides and handouts</source>
        <translation>슬라이드나 유인물에 쓸 수 있도록 창 전체를 PNG로 저장합니다</translation>
    </message>
    <message>
        <source>Save screenshot of the current &amp;panel…</source>
        <translation>현재 패널의 스크린숏 저장(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy screenshot</source>
        <translation>스크린숏 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Put a picture of the whole window on the clipboard</source>
        <translation>창 전체의 그림을 클립보드에 넣습니다</translation>
    </message>
    <message>
        <source>Copy screenshot of the current &amp;panel</source>
        <translation>현재 패널의 스크린숏 복사(&amp;P)</translation>
    </message>
    <message>
        <source>Time&amp;line</source>
        <translation>타임라인(&amp;L)</translation>
    </message>
    <message>
        <source>When each child ran: one lane per child, with SIGTERM, SIGKILL, exit and poll() marked</source>
        <translation>각 자식 프로세스가 실행된 시점: 자식 프로세스마다 한 줄씩, SIGTERM, SIGKILL, 종료, poll()을 표시합니다</translation>
    </message>
    <message>
        <source>Copied the %1 code to the clipboard.</source>
        <translation>%1 코드를 클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>코드(&amp;C)</translation>
    </message>
    <message>
        <source>The selected preset or job as Python subprocess code and as C++ with QProcess</source>
        <translation>선택한 프리셋이나 작업을 파이썬 subprocess 코드와 QProcess를 사용한 C++ 코드로 보여 줍니다</translation>
    </message>
    <message>
        <source>Job log (JSON)…</source>
        <translation>작업 로그 (JSON)…</translation>
    </message>
    <message>
        <source>Restoring the last session…</source>
        <translation>지난 세션을 되살리는 중…</translation>
    </message>
    <message>
        <source>&amp;Machine</source>
        <translation>머신(&amp;M)</translation>
    </message>
    <message>
        <source>Every process on the machine, as htop shows them; watch any one&apos;s family from now on</source>
        <translation>htop처럼 이 컴퓨터의 모든 프로세스를 보여 줍니다. 어느 프로세스든 이제부터 그 가족을 관찰할 수 있습니다</translation>
    </message>
</context>
<context>
    <name>OutputFindBar</name>
    <message>
        <source>Re&amp;gex</source>
        <translation>정규식(&amp;G)</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>대소문자 구분(&amp;C)</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>출력에서 찾기</translation>
    </message>
    <message>
        <source>Read the text as a regular expression (Perl syntax, as Python&apos;s re)</source>
        <translation>텍스트를 정규 표현식으로 읽습니다(Python의 re와 같은 Perl 문법)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>이전 일치 (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>다음 일치 (Enter, F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>not a valid regular expression: %1</source>
        <translation>올바른 정규 표현식이 아닙니다: %1</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>일치 없음</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%2%3개 중 %1</translation>
    </message>
</context>
<context>
    <name>PresetEditor</name>
    <message>
        <source>Edit preset — %1</source>
        <translation>프리셋 편집 — %1</translation>
    </message>
    <message>
        <source>One argument per line, exactly as the program receives it</source>
        <translation>한 줄에 인수 하나씩, 프로그램이 받는 그대로 입력합니다</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>비밀</translation>
    </message>
    <message>
        <source>Environment overrides; a secret value is shown as •••• everywhere else and left out of exports unless you ask</source>
        <translation>환경 변수 재정의입니다. 비밀 값은 다른 모든 곳에서 ••••로 표시되며, 요청하지 않는 한 내보내기에서 제외됩니다</translation>
    </message>
    <message>
        <source>(inherited)</source>
        <translation>(상속됨)</translation>
    </message>
    <message>
        <source>How many copies start at once (fan-out)</source>
        <translation>동시에 시작할 복사본 수 (팬아웃)</translation>
    </message>
    <message>
        <source>Nothing (EOF at once)</source>
        <translation>없음 (즉시 EOF)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Hex bytes</source>
        <translation>16진수 바이트</translation>
    </message>
    <message>
        <source>Random bytes</source>
        <translation>무작위 바이트</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>no polling</source>
        <translation>폴링 안 함</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>단계 추가</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>단계 제거</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>변수 추가</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>프로그램(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>인수(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>환경(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>작업 디렉터리(&amp;W):</translation>
    </message>
    <message>
        <source>Stages (each one&apos;s stdout feeds the next one&apos;s stdin)</source>
        <translation>단계 (각 단계의 stdout이 다음 단계의 stdin으로 전달됨)</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>복사본(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Stdin:</source>
        <translation>Stdin(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>타임아웃(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Grace before SIGKILL:</source>
        <translation>SIGKILL 전 유예 시간(&amp;G):</translation>
    </message>
    <message>
        <source>P&amp;oll every:</source>
        <translation>폴링 간격(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>메모(&amp;N):</translation>
    </message>
    <message>
        <source>(new stage)</source>
        <translation>(새 단계)</translation>
    </message>
    <message>
        <source>Stage %1 needs a program to run.</source>
        <translation>%1단계에 실행할 프로그램이 필요합니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not on PATH here; it will fail to start unless it is installed.</source>
        <translation>이 컴퓨터의 PATH에 &quot;%1&quot;이(가) 없습니다. 설치하지 않으면 시작에 실패합니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a directory here.</source>
        <translation>이 컴퓨터에서 &quot;%1&quot;은(는) 디렉터리가 아닙니다.</translation>
    </message>
    <message>
        <source>Hex bytes are pairs of hex digits, e.g. 0a ff 10.</source>
        <translation>16진수 바이트는 16진수 두 자리씩 씁니다. 예: 0a ff 10.</translation>
    </message>
    <message>
        <source>Random bytes takes a whole number from 0 to %1.</source>
        <translation>무작위 바이트에는 0부터 %1까지의 정수를 입력합니다.</translation>
    </message>
    <message>
        <source>The preset needs a title.</source>
        <translation>프리셋에 제목이 필요합니다.</translation>
    </message>
    <message>
        <source>Kept open for typing</source>
        <translation>입력을 위해 열어 둠</translation>
    </message>
    <message>
        <source>The value was not saved with this preset: type it here, or it is asked for when the preset runs</source>
        <translation>이 프리셋에는 값이 저장되지 않았습니다: 여기에 입력하거나, 프리셋을 실행할 때 입력하세요</translation>
    </message>
</context>
<context>
    <name>PresetListModel</name>
    <message>
        <source>%1  [shell]</source>
        <translation>%1  [shell]</translation>
    </message>
    <message>
        <source> × %1 at once</source>
        <translation> × %1 동시 실행</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>예제</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>이번 세션</translation>
    </message>
    <message>
        <source>My presets</source>
        <translation>내 프리셋</translation>
    </message>
</context>
<context>
    <name>PresetPalette</name>
    <message>
        <source>Presets</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Seeds come from the notes; your own presets are saved.</source>
        <translation>예제는 노트에서 가져왔고, 내 프리셋은 저장됩니다.</translation>
    </message>
    <message>
        <source>Double-click or press Enter to run a preset. Drag one onto the table to run it, onto the chain builder to add its stages, or among &quot;My presets&quot; to reorder. Drop a process-table row here to save it as a preset, or a .json file to import it.</source>
        <translation>프리셋을 더블클릭하거나 Enter를 누르면 실행됩니다. 프리셋을 표로 끌어다 놓으면 실행되고, 체인 빌더로 끌어다 놓으면 그 단계가 추가되며, &quot;내 프리셋&quot; 안에서 끌면 순서가 바뀝니다. 프로세스 표의 행을 여기에 놓으면 프리셋으로 저장되고, .json 파일을 놓으면 가져옵니다.</translation>
    </message>
    <message>
        <source>Run preset</source>
        <translation>프리셋 실행</translation>
    </message>
    <message>
        <source>&amp;Run preset</source>
        <translation>프리셋 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run the selected preset (Enter or double-click in the list, Ctrl+Enter anywhere)</source>
        <translation>선택한 프리셋을 실행합니다 (목록에서 Enter 또는 더블클릭, 어디서나 Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;New preset…</source>
        <translation>새 프리셋(&amp;N)…</translation>
    </message>
    <message>
        <source>My preset</source>
        <translation>내 프리셋</translation>
    </message>
    <message>
        <source>&amp;Import presets…</source>
        <translation>프리셋 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Add presets from a .json file to your presets; you see them first, nothing runs</source>
        <translation>.json 파일의 프리셋을 내 프리셋에 추가합니다. 먼저 내용을 확인하며, 아무것도 실행되지 않습니다</translation>
    </message>
    <message>
        <source>&amp;Export presets…</source>
        <translation>프리셋 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>편집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>복제(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>삭제(&amp;L)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>위로 이동(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>아래로 이동(&amp;W)</translation>
    </message>
    <message>
        <source>Add to &amp;chain builder</source>
        <translation>체인 빌더에 추가(&amp;C)</translation>
    </message>
    <message>
        <source>Move &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 이동</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 추가</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 삭제</translation>
    </message>
    <message>
        <source>Select a preset on the left first.</source>
        <translation>먼저 왼쪽에서 프리셋을 선택하십시오.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot; to your presets.</source>
        <translation>&quot;%1&quot;을(를) 내 프리셋에 저장했습니다.</translation>
    </message>
    <message>
        <source>Saved from the process table (%1).</source>
        <translation>프로세스 표에서 저장했습니다 (%1).</translation>
    </message>
    <message>
        <source>Nothing imported — %1</source>
        <translation>가져온 것이 없습니다 — %1</translation>
    </message>
    <message>
        <source>Cannot import presets</source>
        <translation>프리셋을 가져올 수 없습니다</translation>
    </message>
    <message>
        <source>[shell] </source>
        <translation>[shell] </translation>
    </message>
    <message>
        <source>Import presets?</source>
        <translation>프리셋을 가져오시겠습니까?</translation>
    </message>
    <message>
        <source>%1 holds %2 preset(s). They will be added to your presets; nothing runs now.</source>
        <translation>%1에 프리셋이 %2개 있습니다. 내 프리셋에 추가되며, 지금 실행되는 것은 없습니다.</translation>
    </message>
    <message>
        <source>
… and %1 more</source>
        <translation>
… 외 %1개</translation>
    </message>
    <message>
        <source>Import from %1</source>
        <translation>%1에서 가져오기</translation>
    </message>
    <message>
        <source>Imported %1 preset(s) from %2.</source>
        <translation>%2에서 프리셋 %1개를 가져왔습니다.</translation>
    </message>
    <message>
        <source>Import presets</source>
        <translation>프리셋 가져오기</translation>
    </message>
    <message>
        <source>Preset files (*.json);;All files (*)</source>
        <translation>프리셋 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>You have no presets of your own to export yet.</source>
        <translation>아직 내보낼 내 프리셋이 없습니다.</translation>
    </message>
    <message>
        <source>Export your presets</source>
        <translation>내 프리셋 내보내기</translation>
    </message>
    <message>
        <source>Preset files (*.json)</source>
        <translation>프리셋 파일 (*.json)</translation>
    </message>
    <message>
        <source>Include secrets?</source>
        <translation>비밀 값을 포함하시겠습니까?</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Exported %1 preset(s) to %2.</source>
        <translation>프리셋 %1개를 %2에 내보냈습니다.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (사본)</translation>
    </message>
    <message>
        <source>Duplicate &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 복제</translation>
    </message>
    <message>
        <source>Seeds cannot be deleted; duplicate one (Ctrl+D) to make your own.</source>
        <translation>예제는 삭제할 수 없습니다. 복제(Ctrl+D)해서 내 프리셋을 만드십시오.</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot; — Ctrl+Z brings it back.</source>
        <translation>&quot;%1&quot;을(를) 삭제했습니다 — Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>New preset from the seed &quot;%1&quot;</source>
        <translation>예제 &quot;%1&quot;에서 만든 새 프리셋</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 편집</translation>
    </message>
    <message>
        <source> × %1</source>
        <translation> × %1</translation>
    </message>
    <message>
        <source>%1. The file is left untouched; fix or move it, then restart.</source>
        <translation>%1. 파일은 그대로 두었습니다. 파일을 고치거나 옮긴 뒤 다시 시작하십시오.</translation>
    </message>
    <message>
        <source>Not saved: %1. Nothing will be written over that file.</source>
        <translation>저장하지 않았습니다: %1. 그 파일에는 아무것도 덮어쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Your presets were not saved: %1</source>
        <translation>내 프리셋을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Some presets have secret values. Write them into the file in plain text? Choose No to leave them out: whoever imports the file is asked for each value before the preset runs.</source>
        <translation>일부 프리셋에 비밀 값이 있습니다. 파일에 평문으로 기록하시겠습니까? 빼려면 아니요를 선택하십시오: 파일을 가져온 사람은 프리셋을 실행하기 전에 각 값을 입력하라는 요청을 받습니다.</translation>
    </message>
</context>
<context>
    <name>PrivateDir</name>
    <message>
        <source>%1: cannot create the folder: %2</source>
        <translation>%1: 폴더를 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder: a file of that name is in the way</source>
        <translation>%1: 폴더를 만들 수 없습니다: 같은 이름의 파일이 있습니다</translation>
    </message>
</context>
<context>
    <name>PrivateFiles</name>
    <message>
        <source>it cannot be made: %1</source>
        <translation>파일을 만들 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>ProcFiles</name>
    <message>
        <source>the process has ended</source>
        <translation>프로세스가 끝났습니다</translation>
    </message>
    <message>
        <source>refused: owned by another user</source>
        <translation>거부됨: 다른 사용자의 소유입니다</translation>
    </message>
    <message>
        <source>refused: owned by %1</source>
        <translation>거부됨: %1의 소유입니다</translation>
    </message>
    <message>
        <source>no such file on this kernel</source>
        <translation>이 커널에는 그런 파일이 없습니다</translation>
    </message>
</context>
<context>
    <name>ProcessDetails</name>
    <message>
        <source>process %1 has ended</source>
        <translation>프로세스 %1이(가) 끝났습니다</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>파이프</translation>
    </message>
    <message>
        <source>socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>터미널</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>none (a kernel thread)</source>
        <translation>없음 (커널 스레드)</translation>
    </message>
    <message>
        <source>no such file on this kernel</source>
        <translation>이 커널에는 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>not shown: owned by %1 (only your own processes&apos; environment is shown)</source>
        <translation>표시하지 않음: %1의 프로세스입니다 (환경 변수는 내 프로세스만 보여 줍니다)</translation>
    </message>
    <message>
        <source>pipe with no other holder</source>
        <translation>다른 쪽 끝을 쥔 프로세스가 없는 파이프</translation>
    </message>
    <message>
        <source>%1 %2 %3 (fd %4)</source>
        <translation>%1 %2 %3 (fd %4)</translation>
    </message>
    <message>
        <source>socket (in no table of its network namespace)</source>
        <translation>소켓 (네트워크 네임스페이스의 어느 테이블에도 없음)</translation>
    </message>
</context>
<context>
    <name>ProcessDetailsView</name>
    <message numerus="yes">
        <source>  … %n more</source>
        <translation>
            <numerusform>  … %n개 더</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a process to see its details: its directory, parents, memory, threads, open files and pipes, environment, limits and cgroup.</source>
        <translation>프로세스를 선택하면 자세한 정보를 볼 수 있습니다: 디렉터리, 부모 프로세스, 메모리, 스레드, 열린 파일과 파이프, 환경 변수, 자원 제한, cgroup.</translation>
    </message>
    <message>
        <source>The selected process, read again at each scan. Parts the kernel withheld say why.</source>
        <translation>선택한 프로세스이며, 스캔할 때마다 다시 읽습니다. 커널이 보여 주지 않은 부분에는 그 이유가 표시됩니다.</translation>
    </message>
    <message>
        <source>%1 · PID %2 · parent %3 · %4 · %5</source>
        <translation>%1 · PID %2 · 부모 %3 · %4 · %5</translation>
    </message>
    <message>
        <source>Not everything could be read: %1</source>
        <translation>일부를 읽지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>프로그램</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>%1 now · </source>
        <translation>현재 %1 · </translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1%2 in all (user %3, system %4)</source>
        <translation>%1총 %2 (사용자 %3, 시스템 %4)</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>저장 장치</translation>
    </message>
    <message>
        <source>read %1 · written %2</source>
        <translation>읽기 %1 · 쓰기 %2</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>디렉터리</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>부모 프로세스</translation>
    </message>
    <message>
        <source>resident %1</source>
        <translation>상주 %1</translation>
    </message>
    <message>
        <source>proportional %1</source>
        <translation>비례 배분 %1</translation>
    </message>
    <message>
        <source>proportional: %1</source>
        <translation>비례 배분: %1</translation>
    </message>
    <message>
        <source>swapped %1</source>
        <translation>스왑 %1</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>Open files, pipes and sockets</source>
        <translation>열린 파일, 파이프, 소켓</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경 변수</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>자원 제한</translation>
    </message>
    <message>
        <source>%1: %2 (hard %3) %4</source>
        <translation>%1: %2 (하드 %3) %4</translation>
    </message>
    <message>
        <source>Control groups</source>
        <translation>컨트롤 그룹</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>네임스페이스</translation>
    </message>
</context>
<context>
    <name>ProcessFamily</name>
    <message>
        <source>closed</source>
        <translation>닫힘</translation>
    </message>
    <message>
        <source>%1 (terminal)</source>
        <translation>%1 (터미널)</translation>
    </message>
    <message>
        <source>pipe %1 (other end elsewhere)</source>
        <translation>파이프 %1 (반대쪽 끝은 다른 곳)</translation>
    </message>
    <message>
        <source>pipe from %1</source>
        <translation>%1에서 오는 파이프</translation>
    </message>
    <message>
        <source>pipe to %1</source>
        <translation>%1로 가는 파이프</translation>
    </message>
    <message>
        <source>pipe %1</source>
        <translation>파이프 %1</translation>
    </message>
    <message>
        <source>the tracer speaks version %1 of its protocol and this SpawnScope reads version %2; its events were ignored (run the tracer of the same SpawnScope)</source>
        <translation>추적기는 프로토콜 버전 %1을 쓰고 이 SpawnScope는 버전 %2를 읽습니다. 추적기의 이벤트는 무시했습니다 (같은 SpawnScope의 추적기를 실행하십시오)</translation>
    </message>
    <message>
        <source>captured by SpawnScope</source>
        <translation>SpawnScope가 받음</translation>
    </message>
    <message>
        <source>pipe from SpawnScope</source>
        <translation>SpawnScope에서 오는 파이프</translation>
    </message>
</context>
<context>
    <name>ProcessSignaller</name>
    <message>
        <source>owned by %1; only root may signal it</source>
        <translation>%1의 소유입니다. root만 시그널을 보낼 수 있습니다</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>다른 사용자</translation>
    </message>
    <message>
        <source>process %1 has ended</source>
        <translation>프로세스 %1이(가) 끝났습니다</translation>
    </message>
    <message>
        <source>cannot send signal %1 to process %2</source>
        <translation>프로세스 %2에 시그널 %1을(를) 보낼 수 없습니다</translation>
    </message>
    <message>
        <source>process %1 has ended and its number now names another process; nothing was sent</source>
        <translation>프로세스 %1은(는) 끝났고 그 번호는 이제 다른 프로세스를 가리킵니다. 아무것도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>sent %1 to process %2</source>
        <translation>프로세스 %2에 %1을(를) 보냈습니다</translation>
    </message>
    <message>
        <source>could not send %1 to process %2: %3</source>
        <translation>프로세스 %2에 %1을(를) 보내지 못했습니다: %3</translation>
    </message>
</context>
<context>
    <name>ProcessStopper</name>
    <message>
        <source>process %1 ended on %2</source>
        <translation>프로세스 %1이(가) %2을(를) 받고 끝났습니다</translation>
    </message>
    <message>
        <source>process %1 outlived %2 by %3 s and was sent %4</source>
        <translation>프로세스 %1이(가) %2 후 %3초가 지나도 남아 있어 %4을(를) 보냈습니다</translation>
    </message>
</context>
<context>
    <name>ProcessesHeadless</name>
    <message>
        <source>the report</source>
        <translation>보고서</translation>
    </message>
</context>
<context>
    <name>ProcessesPanel</name>
    <message>
        <source>Filter by name, command or PID (Ctrl+Shift+F)</source>
        <translation>이름, 명령 또는 PID로 거르기 (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Shows the groups in which a row&apos;s name, command or PID contains this text; a group is always shown whole</source>
        <translation>어떤 행의 이름, 명령 또는 PID에 이 텍스트가 들어 있는 그룹을 보여 줍니다. 그룹은 항상 통째로 보입니다</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Show only groups with %1 jobs (several toggles: any of them)</source>
        <translation>%1 작업이 있는 그룹만 보기 (여러 개를 켜면 그중 하나라도)</translation>
    </message>
    <message>
        <source>Nothing has run yet.

Double-click a preset on the left (or select it and press Enter) to run one of the lessons,
type a command in the field above and press Enter,
or drag a preset onto this table.

Each child process gets a row here: its PID, state, exit and output, live.</source>
        <translation>아직 실행한 것이 없습니다.

왼쪽의 프리셋을 더블클릭하거나(또는 선택하고 Enter를 눌러) 예제 하나를 실행하거나,
위 입력란에 명령을 입력하고 Enter를 누르거나,
프리셋을 이 표로 끌어다 놓으세요.

자식 프로세스마다 여기에 행이 하나씩 생기고, PID, 상태, 종료, 출력이 실시간으로 보입니다.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>no numbers given: enter positive whole numbers, e.g. 2139079, 1214759</source>
        <translation>숫자가 없습니다: 양의 정수를 입력하십시오. 예: 2139079, 1214759</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative: only positive whole numbers can be factorized</source>
        <translation>&quot;%1&quot;은(는) 음수입니다: 양의 정수만 인수분해할 수 있습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>&quot;%1&quot;은(는) 정수가 아닙니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large: the largest accepted value is %2</source>
        <translation>&quot;%1&quot;은(는) 너무 큽니다: 허용되는 최댓값은 %2입니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is zero: every number divides 0, so it has no list of divisors</source>
        <translation>&quot;%1&quot;은(는) 0입니다: 모든 수가 0을 나누므로 약수 목록이 없습니다</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1년</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>→ piped to the next stage</source>
        <translation>→ 파이프로 다음 단계에 전달됨</translation>
    </message>
    <message>
        <source>…%1 (last 10 bytes, hex)</source>
        <translation>…%1 (마지막 10바이트, 16진수)</translation>
    </message>
    <message>
        <source>stderr: %1</source>
        <translation>stderr: %1</translation>
    </message>
    <message>
        <source>chain %1 · stage %2/%3</source>
        <translation>체인 %1 · 단계 %2/%3</translation>
    </message>
    <message>
        <source>stage %1/%2</source>
        <translation>단계 %1/%2</translation>
    </message>
    <message>
        <source>copy %1/%2</source>
        <translation>복사본 %1/%2</translation>
    </message>
    <message>
        <source>child</source>
        <translation>자식 프로세스</translation>
    </message>
    <message>
        <source>running · %1/%2 done</source>
        <translation>실행 중 · %1/%2 완료</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>성공 %1</translation>
    </message>
    <message>
        <source>%1 pipe closed</source>
        <translation>파이프 닫힘 %1</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>실패 %1</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>시간 초과 %1</translation>
    </message>
    <message>
        <source>%1 killed</source>
        <translation>강제 종료 %1</translation>
    </message>
    <message>
        <source>wall %1</source>
        <translation>벽시계 %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>시작 실패</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>비정상 종료</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>시간 초과</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>강제 종료됨</translation>
    </message>
    <message>
        <source>pipe closed</source>
        <translation>파이프 닫힘</translation>
    </message>
    <message>
        <source>Queued. Waiting for a free slot under the limit of children running at once.</source>
        <translation>대기 중입니다. 동시에 실행할 수 있는 자식 프로세스 수의 제한 때문에 빈자리를 기다리고 있습니다.</translation>
    </message>
    <message>
        <source>Being started: fork and exec are under way.</source>
        <translation>시작하는 중입니다: fork와 exec가 진행 중입니다.</translation>
    </message>
    <message>
        <source>Running. The parent keeps working while the child runs: that is what makes it concurrent.</source>
        <translation>실행 중입니다. 자식 프로세스가 실행되는 동안에도 부모 프로세스는 계속 일합니다: 이것이 병행성입니다.</translation>
    </message>
    <message>
        <source>Failed to start: %1. No process ran, so there is no exit code.</source>
        <translation>시작하지 못했습니다: %1. 프로세스가 실행되지 않았으므로 종료 코드가 없습니다.</translation>
    </message>
    <message>
        <source>The next stage stopped reading (it exited first), so the kernel ended this writer with SIGPIPE (13). In a pipeline that is normal, as with `yes | head`.</source>
        <translation>다음 단계가 먼저 종료되어 더 이상 읽지 않으므로, 커널이 SIGPIPE (13)로 이 쓰기 쪽 프로세스를 끝냈습니다. `yes | head`처럼 파이프라인에서는 정상적인 일입니다.</translation>
    </message>
    <message>
        <source>Stopped while it was still queued, waiting for a free slot: it never ran.</source>
        <translation>빈자리를 기다리며 대기하던 중에 중지되었습니다: 한 번도 실행되지 않았습니다.</translation>
    </message>
    <message>
        <source> after the %1 timeout</source>
        <translation> (%1 타임아웃 후)</translation>
    </message>
    <message>
        <source> after you pressed Stop</source>
        <translation> (중지를 누른 후)</translation>
    </message>
    <message>
        <source> after you pressed Kill</source>
        <translation> (강제 종료를 누른 후)</translation>
    </message>
    <message>
        <source>Terminated by %1 (%2)%3: %4.</source>
        <translation>%1 (%2) 시그널로 종료되었습니다%3: %4.</translation>
    </message>
    <message>
        <source> It ignored SIGTERM for the %1 grace period, so it was killed.</source>
        <translation> 유예 시간 %1 동안 SIGTERM을 무시했으므로 강제 종료되었습니다.</translation>
    </message>
    <message>
        <source> Nobody here sent it: the child crashed or something else signalled it.</source>
        <translation> 이 앱이 보낸 시그널이 아닙니다: 자식 프로세스가 비정상 종료했거나 다른 무언가가 시그널을 보냈습니다.</translation>
    </message>
    <message>
        <source> A signal death has no exit code; Python&apos;s returncode shows it as -%1.</source>
        <translation> 시그널로 죽은 프로세스에는 종료 코드가 없습니다. 파이썬의 returncode에서는 -%1로 표시됩니다.</translation>
    </message>
    <message>
        <source>Asked to stop%1, it exited by itself with code %2.</source>
        <translation>중지 요청을 받고%1 스스로 종료했습니다 (종료 코드 %2).</translation>
    </message>
    <message>
        <source>Exited normally with code 0: success.</source>
        <translation>종료 코드 0으로 정상 종료했습니다: 성공입니다.</translation>
    </message>
    <message>
        <source>Exited with code %1: the program reports failure.</source>
        <translation>종료했습니다 (종료 코드 %1): 프로그램이 실패를 알린 것입니다.</translation>
    </message>
    <message>
        <source> A shell reports a child killed by a signal as 128+N, so this may be %1 (%2) inside a shell.</source>
        <translation> 셸은 시그널로 죽은 자식 프로세스를 128+N으로 보고하므로, 셸 안에서 받은 %1 (%2) 시그널일 수 있습니다.</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>직렬</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>Threads + GIL</source>
        <translation>스레드 + GIL</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>List presets: id&lt;TAB&gt;title.</source>
        <translation>프리셋 목록을 출력합니다: id&lt;TAB&gt;title.</translation>
    </message>
    <message>
        <source>Run without a window and report.</source>
        <translation>창 없이 실행하고 결과를 보고합니다.</translation>
    </message>
    <message>
        <source>Run preset ID (repeatable).</source>
        <translation>프리셋 ID를 실행합니다 (여러 번 지정 가능).</translation>
    </message>
    <message>
        <source>Also load presets from FILE.</source>
        <translation>FILE에서도 프리셋을 읽어 옵니다.</translation>
    </message>
    <message>
        <source>Validate FILE and add its presets to your presets; nothing runs.</source>
        <translation>FILE을 검사하고 그 프리셋을 내 프리셋에 추가합니다. 아무것도 실행하지 않습니다.</translation>
    </message>
    <message>
        <source>Write the JSON report to FILE, or - for stdout.</source>
        <translation>JSON 보고서를 FILE에 씁니다. -이면 stdout에 씁니다.</translation>
    </message>
    <message>
        <source>Also write GNU parallel&apos;s --joblog TSV to FILE.</source>
        <translation>GNU parallel의 --joblog 형식 TSV도 FILE에 씁니다.</translation>
    </message>
    <message>
        <source>Also write a Chrome trace (Perfetto, chrome://tracing) to FILE.</source>
        <translation>Chrome 트레이스(Perfetto, chrome://tracing)도 FILE에 씁니다.</translation>
    </message>
    <message>
        <source>Run CMD, split into words, no shell.</source>
        <translation>CMD를 단어로 나누어 셸 없이 실행합니다.</translation>
    </message>
    <message>
        <source>Run --command through /bin/sh -c.</source>
        <translation>--command를 /bin/sh -c로 실행합니다.</translation>
    </message>
    <message>
        <source>Stop --command after SEC seconds.</source>
        <translation>SEC초 후에 --command를 중지합니다.</translation>
    </message>
    <message>
        <source>Feed FILE to --command&apos;s stdin, then EOF.</source>
        <translation>FILE을 --command의 stdin에 넣은 뒤 EOF를 보냅니다.</translation>
    </message>
    <message>
        <source>Fork-bomb brake for --command: at most N more processes (RLIMIT_NPROC; not for root).</source>
        <translation>--command용 포크 폭탄 방지: 추가 프로세스를 최대 N개로 제한합니다 (RLIMIT_NPROC, root에는 적용 안 됨).</translation>
    </message>
    <message>
        <source>At most N children at once; the rest wait as queued (0: no limit).</source>
        <translation>동시에 최대 N개의 자식 프로세스. 나머지는 대기 중으로 기다립니다 (0: 제한 없음).</translation>
    </message>
    <message>
        <source>Run the --preset ids, save a PNG of the window to FILE and exit.</source>
        <translation>--preset의 id들을 실행하고, 창을 PNG로 FILE에 저장한 뒤 끝냅니다.</translation>
    </message>
    <message>
        <source>With --screenshot: run every threads-lab mode first.</source>
        <translation>--screenshot과 함께: 먼저 스레드 실험실의 모든 모드를 실행합니다.</translation>
    </message>
    <message>
        <source>Language of the window: en or ko (default: the system locale).</source>
        <translation>창의 언어: en 또는 ko (기본값: 시스템 로캘).</translation>
    </message>
    <message>
        <source>Colours: light or dark (default: the desktop&apos;s).</source>
        <translation>색상: light 또는 dark (기본값: 데스크톱 설정).</translation>
    </message>
    <message>
        <source>Screenshot size, e.g. 1400x860.</source>
        <translation>스크린숏 크기, 예: 1400x860.</translation>
    </message>
    <message>
        <source>Threads lab: factorize N[,N...] (with --headless).</source>
        <translation>스레드 실험실: N[,N...]을 인수분해합니다 (--headless와 함께).</translation>
    </message>
    <message>
        <source>Threads lab: N workers each blocked --seconds T (with --headless).</source>
        <translation>스레드 실험실: 워커 N개가 각각 --seconds T 동안 블로킹됩니다 (--headless와 함께).</translation>
    </message>
    <message>
        <source>How long each --blocking-io worker blocks.</source>
        <translation>각 --blocking-io 워커가 블로킹되는 시간.</translation>
    </message>
    <message>
        <source>Lab mode: serial, threads, gil, processes or all (default).</source>
        <translation>실험 모드: serial, threads, gil, processes 또는 all (기본값).</translation>
    </message>
    <message>
        <source>trial (up to n, the seed&apos;s; default) or sqrt (up to √n, faster).</source>
        <translation>trial (n까지, 예제 방식, 기본값) 또는 sqrt (√n까지, 더 빠름).</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>이 도움말을 보여 주고 끝냅니다.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>버전을 보여 주고 끝냅니다.</translation>
    </message>
    <message>
        <source>SpawnScope starts child processes and shows, live, what they do.</source>
        <translation>SpawnScope는 자식 프로세스를 시작하고, 그 자식 프로세스가 하는 일을 실시간으로 보여 줍니다.</translation>
    </message>
    <message>
        <source>--mode, --scale, --algorithm and --seconds apply to --factorize or --blocking-io</source>
        <translation>--mode, --scale, --algorithm, --seconds는 --factorize 또는 --blocking-io에만 적용됩니다</translation>
    </message>
    <message>
        <source>use either --factorize or --blocking-io, not both</source>
        <translation>--factorize와 --blocking-io 중 하나만 사용하십시오</translation>
    </message>
    <message>
        <source>--factorize and --blocking-io run with --headless; the window has a Threads lab tab</source>
        <translation>--factorize와 --blocking-io는 --headless와 함께 실행합니다. 창에는 스레드 실험실 탭이 있습니다</translation>
    </message>
    <message>
        <source>the threads lab runs on its own: leave out --preset and --command</source>
        <translation>스레드 실험실은 단독으로 실행됩니다: --preset과 --command를 빼십시오</translation>
    </message>
    <message>
        <source>--scale takes a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--scale에는 1부터 %1까지의 정수를 지정해야 합니다 (입력: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>--algorithm takes trial or sqrt, not &quot;%1&quot;</source>
        <translation>--algorithm에는 trial 또는 sqrt를 지정해야 합니다 (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--worker-factorize takes one number</source>
        <translation>--worker-factorize에는 숫자 하나를 지정해야 합니다</translation>
    </message>
    <message>
        <source>--seconds applies to --blocking-io</source>
        <translation>--seconds는 --blocking-io에만 적용됩니다</translation>
    </message>
    <message>
        <source>--blocking-io takes a number of workers from 1 to %1, not &quot;%2&quot;</source>
        <translation>--blocking-io에는 1부터 %1까지의 워커 수를 지정해야 합니다 (입력: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>--blocking-io needs --seconds T, how long each worker blocks</source>
        <translation>--blocking-io에는 각 워커가 블로킹되는 시간인 --seconds T가 필요합니다</translation>
    </message>
    <message>
        <source>--scale and --algorithm apply to --factorize</source>
        <translation>--scale과 --algorithm은 --factorize에만 적용됩니다</translation>
    </message>
    <message>
        <source>--mode takes serial, threads, gil, processes or all, not &quot;%1&quot;</source>
        <translation>--mode에는 serial, threads, gil, processes 또는 all을 지정해야 합니다 (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--mode takes serial, threads, gil or all with --blocking-io, not &quot;%1&quot;</source>
        <translation>--blocking-io와 함께 쓸 때 --mode에는 serial, threads, gil 또는 all을 지정해야 합니다 (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (see --help)</source>
        <translation>예상하지 못한 인수 &quot;%1&quot; (--help 참고)</translation>
    </message>
    <message>
        <source>--repeat takes a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--repeat에는 1부터 %1까지의 정수를 지정해야 합니다 (입력: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>--lang takes en or ko, not &quot;%1&quot;</source>
        <translation>--lang에는 en 또는 ko를 지정해야 합니다 (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--theme takes light or dark, not &quot;%1&quot;</source>
        <translation>--theme에는 light 또는 dark를 지정해야 합니다 (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--run-lab applies to --screenshot</source>
        <translation>--run-lab은 --screenshot에만 적용됩니다</translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT between 320x240 and 8192x8192, not &quot;%1&quot;</source>
        <translation>--size에는 320x240부터 8192x8192 사이의 WIDTHxHEIGHT를 지정해야 합니다 (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--max-processes takes a whole number from 1 to 1000000, not &quot;%1&quot;</source>
        <translation>--max-processes에는 1부터 1000000까지의 정수를 지정해야 합니다 (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--max-parallel takes a whole number from 0 (no limit) to 100000, not &quot;%1&quot;</source>
        <translation>--max-parallel에는 0(제한 없음)부터 100000까지의 정수를 지정해야 합니다 (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>use either --preset or --command, not both</source>
        <translation>--preset과 --command 중 하나만 사용하십시오</translation>
    </message>
    <message>
        <source>--report, --joblog and --trace apply to --headless runs</source>
        <translation>--report, --joblog, --trace는 --headless 실행에만 적용됩니다</translation>
    </message>
    <message>
        <source>--joblog and --trace apply to --preset and --command runs</source>
        <translation>--joblog와 --trace는 --preset 및 --command 실행에만 적용됩니다</translation>
    </message>
    <message>
        <source>your presets could not be read: %1</source>
        <translation>내 프리셋을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>--stdin-file %1: cannot open: %2</source>
        <translation>--stdin-file %1: 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot; (see --list-presets)</source>
        <translation>알 수 없는 프리셋 &quot;%1&quot; (--list-presets 참고)</translation>
    </message>
    <message>
        <source>%1.%2 must be a number from %3 to %4</source>
        <translation>%1.%2: %3부터 %4까지의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>%1.%2 must be a string</source>
        <translation>%1.%2: 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>%1.id is missing or not a string: every preset needs an id</source>
        <translation>%1.id: 없거나 문자열이 아닙니다. 모든 프리셋에는 id가 필요합니다</translation>
    </message>
    <message>
        <source>%1.stages must be a non-empty array of stages</source>
        <translation>%1.stages: 비어 있지 않은 단계 배열이어야 합니다</translation>
    </message>
    <message>
        <source>%1.stages has %2 stages; at most %3 are allowed</source>
        <translation>%1.stages: 단계가 %2개입니다. 최대 %3개까지 허용됩니다</translation>
    </message>
    <message>
        <source>%1 must be an object with a &quot;program&quot;</source>
        <translation>%1: &quot;program&quot;이 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>The command is empty: type a program and its arguments, e.g. sleep 1</source>
        <translation>명령이 비어 있습니다: 프로그램과 인수를 입력하십시오. 예: sleep 1</translation>
    </message>
    <message>
        <source>The command &quot;%1&quot; has no program after splitting it into words</source>
        <translation>명령 &quot;%1&quot;을(를) 단어로 나누고 나니 프로그램이 없습니다</translation>
    </message>
    <message>
        <source>the file is %1 MiB; preset files may be at most %2 MiB</source>
        <translation>파일 크기가 %1 MiB입니다. 프리셋 파일은 최대 %2 MiB까지 허용됩니다</translation>
    </message>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>바이트 %1 위치에서 JSON이 올바르지 않습니다: %2</translation>
    </message>
    <message>
        <source>the top level must be an object with &quot;version&quot; and &quot;presets&quot;</source>
        <translation>최상위는 &quot;version&quot;과 &quot;presets&quot;가 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>&quot;version&quot; is missing or not a number; this app reads version %1</source>
        <translation>&quot;version&quot;이 없거나 숫자가 아닙니다. 이 앱이 읽는 버전은 %1입니다</translation>
    </message>
    <message>
        <source>unknown version %1; this app reads version %2</source>
        <translation>알 수 없는 버전 %1입니다. 이 앱이 읽는 버전은 %2입니다</translation>
    </message>
    <message>
        <source>&quot;presets&quot; must be an array</source>
        <translation>&quot;presets&quot;는 배열이어야 합니다</translation>
    </message>
    <message>
        <source>presets[%1] must be an object</source>
        <translation>presets[%1]: 객체여야 합니다</translation>
    </message>
    <message>
        <source>preset &quot;%1&quot; appears twice; ids must be unique</source>
        <translation>프리셋 &quot;%1&quot;이(가) 두 번 나옵니다. id는 고유해야 합니다</translation>
    </message>
    <message>
        <source>%1: is a directory, not a preset file</source>
        <translation>%1: 프리셋 파일이 아니라 디렉터리입니다</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: the file is %2 MiB; preset files may be at most %3 MiB</source>
        <translation>%1: 파일 크기가 %2 MiB입니다. 프리셋 파일은 최대 %3 MiB까지 허용됩니다</translation>
    </message>
    <message>
        <source>%1.program is missing: every stage needs a program to run</source>
        <translation>%1.program이 없습니다: 모든 단계에는 실행할 프로그램이 필요합니다</translation>
    </message>
    <message>
        <source>%1.program must be a string</source>
        <translation>%1.program: 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>%1.program is empty: every stage needs a program to run</source>
        <translation>%1.program이 비어 있습니다: 모든 단계에는 실행할 프로그램이 필요합니다</translation>
    </message>
    <message>
        <source>%1.args must be an array of strings</source>
        <translation>%1.args: 문자열 배열이어야 합니다</translation>
    </message>
    <message>
        <source>%1.args[%2] must be a string</source>
        <translation>%1.args[%2]: 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>%1.env must be an object of NAME: {&quot;value&quot;: ..., &quot;secret&quot;: ...}</source>
        <translation>%1.env: NAME: {&quot;value&quot;: ..., &quot;secret&quot;: ...} 형태의 객체여야 합니다</translation>
    </message>
    <message>
        <source>%1: an environment variable name must be non-empty and contain no &apos;=&apos;</source>
        <translation>%1: 환경 변수 이름은 비어 있지 않아야 하며 &apos;=&apos;를 포함할 수 없습니다</translation>
    </message>
    <message>
        <source>%1.value must be a string</source>
        <translation>%1.value: 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>%1.secret must be true or false</source>
        <translation>%1.secret: true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>%1 must be a string or an object with &quot;value&quot;</source>
        <translation>%1: 문자열이거나 &quot;value&quot;가 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>%1.cwd must be a string</source>
        <translation>%1.cwd: 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>nothing (EOF at once)</source>
        <translation>없음 (즉시 EOF)</translation>
    </message>
    <message>
        <source>text, %1 bytes, then EOF</source>
        <translation>텍스트 %1바이트, 그다음 EOF</translation>
    </message>
    <message>
        <source>%1 bytes given in hex, then EOF</source>
        <translation>16진수로 지정한 %1바이트, 그다음 EOF</translation>
    </message>
    <message>
        <source>%1 random bytes, then EOF</source>
        <translation>무작위 %1바이트, 그다음 EOF</translation>
    </message>
    <message>
        <source>%1.text must be a string</source>
        <translation>%1.text: 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>%1.hex must be a string of hex digit pairs, e.g. &quot;0a ff&quot;</source>
        <translation>%1.hex: 16진수 두 자리씩으로 된 문자열이어야 합니다. 예: &quot;0a ff&quot;</translation>
    </message>
    <message>
        <source>%1.randomBytes must be a whole number from 0 to %2</source>
        <translation>%1.randomBytes: 0부터 %2까지의 정수여야 합니다</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>워커 %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>시작 안 됨</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>종료 %1</translation>
    </message>
    <message>
        <source> The timeout is what keeps a child that hangs, or a deadlock between processes each waiting for the other, from hanging the parent too.</source>
        <translation> 타임아웃이 있기 때문에, 멈춘 자식 프로세스나 서로를 기다리는 프로세스 사이의 교착 상태가 부모 프로세스까지 멈추게 하지 않습니다.</translation>
    </message>
    <message>
        <source>--sample-interval must be from %1 to %2 ms</source>
        <translation>--sample-interval은 %1~%2 ms여야 합니다</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source> after you sent it that signal</source>
        <translation> (사용자가 그 시그널을 보낸 뒤)</translation>
    </message>
    <message>
        <source>%1.%2 must be a number</source>
        <translation>%1.%2은(는) 숫자여야 합니다</translation>
    </message>
    <message>
        <source>%1.copies must be a whole number from 1 to %2</source>
        <translation>%1.copies는 1부터 %2까지의 정수여야 합니다</translation>
    </message>
    <message>
        <source>%1.maxProcesses must be a whole number from 0 to %2</source>
        <translation>%1.maxProcesses는 0부터 %2까지의 정수여야 합니다</translation>
    </message>
    <message>
        <source>%1 has no id: every preset needs an id</source>
        <translation>%1에 id가 없습니다: 모든 프리셋에는 id가 필요합니다</translation>
    </message>
    <message>
        <source>%1 needs a title</source>
        <translation>%1에 제목이 필요합니다</translation>
    </message>
    <message>
        <source>%1.pollIntervalSec must be 0 (no polling) or at least %2</source>
        <translation>%1.pollIntervalSec는 0(폴링 안 함)이거나 %2 이상이어야 합니다</translation>
    </message>
    <message>
        <source>%1.stages[%2].program is empty: stage %3 needs a program to run</source>
        <translation>%1.stages[%2].program이 비어 있습니다: %3번째 단계에 실행할 프로그램이 필요합니다</translation>
    </message>
    <message>
        <source>%1.stdin takes from 0 to %2 random bytes</source>
        <translation>%1.stdin은 0부터 %2개의 무작위 바이트를 받습니다</translation>
    </message>
    <message>
        <source>your presets could not be read, so nothing was imported: %1</source>
        <translation>사용자 프리셋을 읽을 수 없어 아무것도 가져오지 않았습니다: %1</translation>
    </message>
    <message>
        <source>%1: not saved, the previous file is unchanged: %2</source>
        <translation>%1: 저장하지 않았습니다. 이전 파일은 그대로입니다: %2</translation>
    </message>
    <message>
        <source>the presets</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Run --command in a pseudo-terminal, so it sees a terminal (isatty) and line-buffers; its stderr is merged into stdout.</source>
        <translation>--command를 의사 터미널에서 실행합니다. 명령은 터미널을 보고(isatty) 줄 단위로 버퍼링하며, stderr는 stdout에 합쳐집니다.</translation>
    </message>
    <message>
        <source>--watch needs either --command &quot;CMD&quot; or -- PROGRAM [ARGS...]</source>
        <translation>--watch에는 --command &quot;CMD&quot; 또는 -- PROGRAM [ARGS...] 중 하나가 필요합니다</translation>
    </message>
    <message>
        <source>--watch applies to --command or -- PROGRAM, not to --preset</source>
        <translation>--watch는 --preset이 아니라 --command나 -- PROGRAM에 적용됩니다</translation>
    </message>
    <message>
        <source>--shell, --repeat, --timeout, --grace, --stdin-file, --pty and --max-processes apply to --command, which is missing</source>
        <translation>--shell, --repeat, --timeout, --grace, --stdin-file, --pty, --max-processes는 --command에 적용되는데, --command가 없습니다</translation>
    </message>
    <message>
        <source>CPU time not measured yet</source>
        <translation>CPU 시간은 아직 재지 않았습니다</translation>
    </message>
    <message>
        <source>CPU time %1 (exact)</source>
        <translation>CPU 시간 %1 (정확한 값)</translation>
    </message>
    <message>
        <source>CPU time ≥ %1 (sampled)</source>
        <translation>CPU 시간 ≥ %1 (샘플링 값)</translation>
    </message>
    <message>
        <source>Peak memory not measured yet</source>
        <translation>최대 메모리는 아직 재지 않았습니다</translation>
    </message>
    <message>
        <source>Peak memory %1 (exact)</source>
        <translation>최대 메모리 %1 (정확한 값)</translation>
    </message>
    <message>
        <source>Peak memory ≥ %1 (largest sample)</source>
        <translation>최대 메모리 ≥ %1 (가장 큰 샘플)</translation>
    </message>
    <message>
        <source>%1.pty applies to a single command: a chain&apos;s stages are joined by pipes, so remove &quot;pty&quot; or keep one stage</source>
        <translation>%1.pty는 명령 하나에만 적용됩니다: 체인의 단계들은 파이프로 이어지므로 &quot;pty&quot;를 지우거나 단계를 하나만 두세요</translation>
    </message>
    <message>
        <source>kept open for typed input until closed (Ctrl+D)</source>
        <translation>닫을 때까지(Ctrl+D) 입력을 위해 열어 둠</translation>
    </message>
    <message>
        <source>%1 must be an object: {&quot;text&quot;: ...}, {&quot;hex&quot;: ...}, {&quot;randomBytes&quot;: N} or {&quot;interactive&quot;: true}</source>
        <translation>%1: {&quot;text&quot;: ...}, {&quot;hex&quot;: ...}, {&quot;randomBytes&quot;: N} 또는 {&quot;interactive&quot;: true} 형태의 객체여야 합니다</translation>
    </message>
    <message>
        <source>%1 must have exactly one of &quot;text&quot;, &quot;hex&quot;, &quot;randomBytes&quot; or &quot;interactive&quot;</source>
        <translation>%1: &quot;text&quot;, &quot;hex&quot;, &quot;randomBytes&quot;, &quot;interactive&quot; 중 정확히 하나만 있어야 합니다</translation>
    </message>
    <message>
        <source>%1.interactive must be true or false</source>
        <translation>%1.interactive는 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>With --screenshot: start every preset at once and capture SEC seconds later, while they still run (live CPU, memory and descendants, side by side), then stop them.</source>
        <translation>--screenshot과 함께: 모든 프리셋을 한꺼번에 시작하고 SEC초 뒤, 아직 실행 중일 때(실시간 CPU, 메모리, 자손 프로세스를 나란히) 캡처한 다음 멈춥니다.</translation>
    </message>
    <message>
        <source>With --screenshot: select the last run&apos;s first job and show this tab of the detail pane: overview, stdout, stderr or resources.</source>
        <translation>--screenshot과 함께: 마지막 실행의 첫 작업을 선택하고 상세 창의 이 탭을 보여 줍니다: overview, stdout, stderr, resources.</translation>
    </message>
    <message>
        <source>--detail takes overview, stdout, stderr or resources, not &quot;%1&quot;</source>
        <translation>--detail에는 &quot;%1&quot;이 아니라 overview, stdout, stderr, resources 중 하나를 주세요</translation>
    </message>
    <message>
        <source>--screenshot-after and --detail apply to --screenshot</source>
        <translation>--screenshot-after와 --detail은 --screenshot에 적용됩니다</translation>
    </message>
    <message>
        <source>through a pipe</source>
        <translation>파이프를 통해</translation>
    </message>
    <message>
        <source>in a terminal</source>
        <translation>터미널에서</translation>
    </message>
    <message>
        <source>%1.pty must be true, false or &quot;compare&quot;</source>
        <translation>%1.pty는 true, false 또는 &quot;compare&quot;여야 합니다</translation>
    </message>
    <message>
        <source>%1.pty &quot;compare&quot; runs two copies, one through a pipe and one in a terminal: set copies to 2</source>
        <translation>%1.pty &quot;compare&quot;는 복사본 두 개를 하나는 파이프로, 하나는 터미널에서 실행합니다: copies를 2로 설정하세요</translation>
    </message>
    <message>
        <source>Trace the whole process family of --command or of PROGRAM after -- (every fork, exec and exit, with ptrace), in the window or with --headless.</source>
        <translation>--command 또는 -- 뒤의 PROGRAM이 만드는 프로세스 가족 전체를 추적합니다 (ptrace로 모든 fork, exec, 종료). 창에서도, --headless로도 됩니다.</translation>
    </message>
    <message>
        <source>Usage: spawnscope [options]
       spawnscope [--preset ID ...] [--command &quot;CMD&quot;] [--watch -- PROGRAM [ARGS...]]   (the window, running these at once)
       spawnscope --list-presets [--presets-file FILE]
       spawnscope --headless --preset ID [--preset ID ...] [--presets-file FILE] [--report FILE|-]
       spawnscope --headless --command &quot;CMD&quot; [--repeat N] [--timeout SEC] [--grace SEC] [--stdin-file FILE] [--pty] [--report FILE|-]
       spawnscope --headless --watch --command &quot;CMD&quot; | -- PROGRAM [ARGS...] [--report FILE|-] [--trace FILE]
       spawnscope --headless --factorize N[,N...] [--mode serial|threads|gil|processes|all] [--scale K] [--algorithm trial|sqrt] [--report FILE|-]
       spawnscope --headless --blocking-io N --seconds T [--mode serial|threads|gil|all] [--report FILE|-]
</source>
        <translation>용법:  spawnscope [options]
       spawnscope [--preset ID ...] [--command &quot;CMD&quot;] [--watch -- PROGRAM [ARGS...]]   (창을 열고 이것들을 바로 실행)
       spawnscope --list-presets [--presets-file FILE]
       spawnscope --headless --preset ID [--preset ID ...] [--presets-file FILE] [--report FILE|-]
       spawnscope --headless --command &quot;CMD&quot; [--repeat N] [--timeout SEC] [--grace SEC] [--stdin-file FILE] [--pty] [--report FILE|-]
       spawnscope --headless --watch --command &quot;CMD&quot; | -- PROGRAM [ARGS...] [--report FILE|-] [--trace FILE]
       spawnscope --headless --factorize N[,N...] [--mode serial|threads|gil|processes|all] [--scale K] [--algorithm trial|sqrt] [--report FILE|-]
       spawnscope --headless --blocking-io N --seconds T [--mode serial|threads|gil|all] [--report FILE|-]
</translation>
    </message>
    <message>
        <source>%1.watch must be true or false</source>
        <translation>%1.watch는 true 또는 false여야 합니다</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … 그리고 %n개 더</numerusform>
        </translation>
    </message>
    <message>
        <source>Also write every job&apos;s full stdout and stderr to files: DIR/RUN/JOB/stdout, stderr and cmd (with --headless). DIR must be yours and writable by no one else; a link inside it is refused. If a file cannot be written in full (a full disk), the run exits 1.</source>
        <translation>모든 작업의 stdout과 stderr 전체를 파일에도 씁니다: DIR/RUN/JOB/stdout, stderr, cmd (--headless와 함께). DIR은 본인 소유여야 하고 다른 사람이 쓸 수 없어야 하며, 그 안의 링크는 거부됩니다. 파일을 끝까지 쓰지 못하면(디스크가 가득 찬 경우 등) 종료 코드 1로 끝납니다.</translation>
    </message>
    <message>
        <source>--repeat takes a whole number from 1 to %1 with a window (up to %2 with --headless), not &quot;%3&quot;</source>
        <translation>창에서는 --repeat에 1부터 %1까지의 정수를 지정해야 합니다 (--headless에서는 %2까지, 입력: &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>--output-budget takes a size of at least %1 bytes, e.g. 64K, 256M or 1G, not &quot;%2&quot;</source>
        <translation>--output-budget에는 %1바이트 이상의 크기를 지정해야 합니다. 예: 64K, 256M, 1G (입력: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>--report-output takes a size from 0 to 1G, e.g. 0, 4K or 64K, not &quot;%1&quot;</source>
        <translation>--report-output에는 0부터 1G까지의 크기를 지정해야 합니다. 예: 0, 4K, 64K (입력: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--report-output and --output-dir apply to --headless runs</source>
        <translation>--report-output과 --output-dir은 --headless 실행에만 적용됩니다</translation>
    </message>
    <message>
        <source>--output-dir needs a directory</source>
        <translation>--output-dir에는 디렉터리를 지정해야 합니다</translation>
    </message>
    <message>
        <source>--output-dir %1: cannot create that directory; choose one you can write to</source>
        <translation>--output-dir %1: 그 디렉터리를 만들 수 없습니다. 쓰기 권한이 있는 곳을 고르세요</translation>
    </message>
    <message>
        <source>--output-dir %1: cannot write there (%2); choose a directory you can write to</source>
        <translation>--output-dir %1: 그곳에 쓸 수 없습니다 (%2). 쓰기 권한이 있는 디렉터리를 고르세요</translation>
    </message>
    <message>
        <source>cannot create %1 for its output files: %2</source>
        <translation>출력 파일을 둘 %1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 ✂</source>
        <translation>%1 ✂</translation>
    </message>
    <message>
        <source>Trimmed to the output budget: only the last %1 of this stream are kept in memory (the detail pane and reports show those); the count, %2, is exact.</source>
        <translation>출력 예산에 맞춰 줄임: 이 스트림은 마지막 %1만 메모리에 남습니다(상세 창과 보고서가 그것을 보여 줍니다). 개수 %2는 정확합니다.</translation>
    </message>
    <message>
        <source>Open a session or a --report file in the window, read-only (FILE.spawnscope alone does the same); with --screenshot, draw it without running anything.</source>
        <translation>세션이나 --report 파일을 창에서 읽기 전용으로 엽니다(FILE.spawnscope만 주어도 같습니다). --screenshot과 함께 쓰면 아무것도 실행하지 않고 그립니다.</translation>
    </message>
    <message>
        <source>--open applies to the window and to --screenshot, not to --headless</source>
        <translation>--open은 창과 --screenshot에 쓰며 --headless에는 쓰지 않습니다</translation>
    </message>
    <message>
        <source>recorded %1 · opened from %2</source>
        <translation>%1에 기록됨 · %2에서 열림</translation>
    </message>
    <message>
        <source>recorded %1 · from an earlier session</source>
        <translation>%1에 기록됨 · 이전 세션에서</translation>
    </message>
    <message>
        <source>stopped when SpawnScope quit</source>
        <translation>SpawnScope 종료 때 멈춤</translation>
    </message>
    <message>
        <source>⟲ %1</source>
        <translation>⟲ %1</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>새 세션</translation>
    </message>
    <message>
        <source>SpawnScope sessions and reports (*.spawnscope *.json);;All files (*)</source>
        <translation>SpawnScope 세션과 보고서 (*.spawnscope *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Start N copies of --command (at most --max-parallel at a time).</source>
        <translation>--command를 N개 복사해 시작합니다 (한 번에 최대 --max-parallel개).</translation>
    </message>
    <message>
        <source>--output-dir: cannot check %1: %2</source>
        <translation>--output-dir: %1을(를) 확인할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>--output-dir: %1 belongs to another user (uid %2), who could swap its files for links; choose a directory of your own</source>
        <translation>--output-dir: %1은(는) 다른 사용자(uid %2)의 것이라, 그 사용자가 안의 파일을 링크로 바꿔치기할 수 있습니다. 본인 소유의 디렉터리를 고르세요</translation>
    </message>
    <message>
        <source>--output-dir: %1 is writable by other users, who could swap its files for links; remove their write permission (chmod go-w) or choose another directory</source>
        <translation>--output-dir: %1은(는) 다른 사용자도 쓸 수 있어서, 안의 파일을 링크로 바꿔치기할 수 있습니다. 그 쓰기 권한을 없애거나(chmod go-w) 다른 디렉터리를 고르세요</translation>
    </message>
    <message>
        <source>--output-dir: %1 is a symbolic link or not a directory; SpawnScope never follows links inside --output-dir: remove it or choose another directory</source>
        <translation>--output-dir: %1은(는) 심볼릭 링크이거나 디렉터리가 아닙니다. SpawnScope는 --output-dir 안의 링크를 따라가지 않습니다: 지우거나 다른 디렉터리를 고르세요</translation>
    </message>
    <message>
        <source>cannot open %1 for its output files: %2</source>
        <translation>출력 파일을 둘 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>--output-dir: %1 is a symbolic link; SpawnScope never writes through links inside --output-dir: remove it or choose another directory</source>
        <translation>--output-dir: %1은(는) 심볼릭 링크입니다. SpawnScope는 --output-dir 안의 링크를 거쳐 쓰지 않습니다: 지우거나 다른 디렉터리를 고르세요</translation>
    </message>
    <message>
        <source>--output-dir: %1 is already there and is not a file of a run of yours; remove it or choose another directory</source>
        <translation>--output-dir: %1이(가) 이미 있는데, 이전 실행이 만든 본인의 파일이 아닙니다. 지우거나 다른 디렉터리를 고르세요</translation>
    </message>
    <message>
        <source>--output-dir %1: cannot open that directory (%2); choose one you can write to</source>
        <translation>--output-dir %1: 그 디렉터리를 열 수 없습니다 (%2). 쓰기 권한이 있는 곳을 고르세요</translation>
    </message>
    <message>
        <source>After a job&apos;s own process exits, keep reading its output for at most SECONDS while a descendant still holds it (default %1; 0 stops reading at once). Whoever holds it then is named in the report.</source>
        <translation>작업의 프로세스가 끝난 뒤에도 자손 프로세스가 출력을 쥐고 있으면 최대 SECONDS초 동안 계속 읽습니다(기본값 %1, 0이면 즉시 멈춤). 그때까지 쥐고 있는 프로세스는 보고서에 이름이 남습니다.</translation>
    </message>
    <message>
        <source>--drain-limit takes at most %1 seconds, not &quot;%2&quot;</source>
        <translation>--drain-limit에는 최대 %1초까지 지정할 수 있습니다(입력: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>its own process exited; still reading what a descendant writes (at most %1)</source>
        <translation>자기 프로세스는 끝났고, 자손 프로세스가 쓰는 출력을 아직 읽는 중입니다(최대 %1)</translation>
    </message>
    <message>
        <source>left running, holding its output when reading stopped: %1</source>
        <translation>읽기를 멈출 때 출력을 쥔 채 계속 실행 중: %1</translation>
    </message>
    <message>
        <source>left running in its process group: %1</source>
        <translation>프로세스 그룹에 남아 계속 실행 중: %1</translation>
    </message>
    <message>
        <source>%1.value must be a string, or absent for a secret whose value was not saved</source>
        <translation>%1.value는 문자열이어야 합니다. 값을 저장하지 않은 비밀 값이라면 생략할 수 있습니다</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>CPU time not measured: it ended before the first sample</source>
        <translation>CPU 시간을 측정하지 못했습니다: 첫 샘플 전에 끝났습니다</translation>
    </message>
    <message>
        <source>Peak memory not measured: it ended before the first sample</source>
        <translation>최대 메모리를 측정하지 못했습니다: 첫 샘플 전에 끝났습니다</translation>
    </message>
    <message>
        <source>killing…</source>
        <translation>강제 종료 중…</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>중지 중…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>%1, reading…</source>
        <translation>%1, 읽는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n left running</source>
        <translation>
            <numerusform>%1, %n개가 계속 실행 중</numerusform>
        </translation>
    </message>
    <message>
        <source>Killing: SIGKILL was sent at %1; the kernel ends it as soon as it runs again.</source>
        <translation>강제 종료 중: %1에 SIGKILL을 보냈습니다. 프로세스가 다시 실행되는 즉시 커널이 끝냅니다.</translation>
    </message>
    <message>
        <source>Stopping: SIGTERM was sent at %1; SIGKILL follows if it has not exited after the %2 grace period.</source>
        <translation>중지 중: %1에 SIGTERM을 보냈습니다. 유예 시간 %2 뒤에도 종료하지 않았으면 SIGKILL이 뒤따릅니다.</translation>
    </message>
    <message>
        <source>Paused: a stop signal (SIGSTOP) froze it, and it uses no CPU until Resume sends SIGCONT. Its elapsed time, and a timeout, keep counting.</source>
        <translation>일시 정지됨: 정지 시그널(SIGSTOP)이 프로세스를 멈췄으며, 재개가 SIGCONT를 보낼 때까지 CPU를 쓰지 않습니다. 경과 시간과 타임아웃은 계속 셉니다.</translation>
    </message>
    <message>
        <source>Its output is still being read: a descendant holds it open.</source>
        <translation>출력을 아직 읽는 중입니다: 자손 프로세스가 출력을 열어 두고 있습니다.</translation>
    </message>
    <message>
        <source>paused · %1/%2 done</source>
        <translation>일시 정지됨 · %1/%2 완료</translation>
    </message>
    <message>
        <source>%1 · %2 paused</source>
        <translation>%1 · 일시 정지 %2</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>중지 %1</translation>
    </message>
    <message>
        <source>nothing ran</source>
        <translation>실행된 것 없음</translation>
    </message>
    <message>
        <source>wall %1 · Σ %2 · %3 parallel</source>
        <translation>벽시계 %1 · Σ %2 · 병렬 %3</translation>
    </message>
    <message>
        <source>Σ %1 · %2</source>
        <translation>Σ %1 · %2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>--%1 takes a number of seconds from %2 to %3, not &quot;%4&quot;</source>
        <translation>--%1에는 %2~%3 사이의 초 단위 숫자를 지정해야 합니다 (입력: &quot;%4&quot;)</translation>
    </message>
    <message>
        <source>Seconds between SIGTERM and SIGKILL (default %1).</source>
        <translation>SIGTERM과 SIGKILL 사이의 초 (기본값 %1).</translation>
    </message>
    <message>
        <source>Read each child&apos;s CPU, memory and process tree every MS milliseconds (%1 to %2; default %3).</source>
        <translation>각 자식 프로세스의 CPU, 메모리, 프로세스 트리를 MS 밀리초마다 읽습니다 (%1~%2, 기본값 %3).</translation>
    </message>
    <message>
        <source>Keep at most BYTES of output in memory over all jobs (e.g. %1, the default; K, M and G count in 1024s); past it the oldest finished jobs keep only their last %2 KiB of each stream.</source>
        <translation>모든 작업의 출력을 합쳐 최대 BYTES만 메모리에 보관합니다 (예: 기본값 %1; K, M, G는 1024 단위). 이를 넘으면 가장 먼저 끝난 작업부터 각 스트림의 마지막 %2 KiB만 남깁니다.</translation>
    </message>
    <message>
        <source>Put at most BYTES of each stream&apos;s text per job in the report (default %1); the byte counts stay exact.</source>
        <translation>보고서에 작업마다 각 스트림의 텍스트를 최대 BYTES만 넣습니다 (기본값 %1). 바이트 수는 정확하게 유지됩니다.</translation>
    </message>
    <message>
        <source>Factorize each number K times (default %1).</source>
        <translation>각 숫자를 K번 인수분해합니다 (기본값 %1).</translation>
    </message>
    <message>
        <source>use either --processes or --attach, not both</source>
        <translation>--processes와 --attach 중 하나만 사용하십시오</translation>
    </message>
    <message>
        <source>--processes writes a report with --headless; the window has a Machine tab</source>
        <translation>--processes는 --headless와 함께 보고서를 씁니다. 창에는 머신 탭이 있습니다</translation>
    </message>
    <message>
        <source>--duration applies to --processes and --attach</source>
        <translation>--duration은 --processes와 --attach에만 적용됩니다</translation>
    </message>
    <message>
        <source>--processes runs nothing: leave out --command, --preset, --watch and PROGRAM</source>
        <translation>--processes는 아무것도 실행하지 않습니다: --command, --preset, --watch, PROGRAM을 빼십시오</translation>
    </message>
    <message>
        <source>--attach watches a running program: leave out --command, --preset, --watch and PROGRAM</source>
        <translation>--attach는 실행 중인 프로그램을 관찰합니다: --command, --preset, --watch, PROGRAM을 빼십시오</translation>
    </message>
    <message>
        <source>--headless needs --preset ID, --command &quot;CMD&quot;, --attach PID, --processes, --factorize N or --blocking-io N (see --help)</source>
        <translation>--headless에는 --preset ID, --command &quot;CMD&quot;, --attach PID, --processes, --factorize N 또는 --blocking-io N이 필요합니다 (--help 참고)</translation>
    </message>
    <message>
        <source>The tab in front: processes, timeline, threads, code or machine; or compare, the Compare dialog over the last two runs.</source>
        <translation>앞에 보일 탭: processes, timeline, threads, code, machine. 또는 compare: 마지막 두 실행의 비교 대화상자.</translation>
    </message>
    <message>
        <source>--panel takes processes, timeline, threads, code, machine or compare, not &quot;%1&quot;</source>
        <translation>--panel에는 processes, timeline, threads, code, machine, compare 중 하나를 씁니다(&quot;%1&quot;은 아닙니다)</translation>
    </message>
    <message>
        <source>Write every process on the machine to --report (with --headless): pid, parent, user, argv, state, CPU and memory.</source>
        <translation>이 컴퓨터의 모든 프로세스를 --report에 씁니다 (--headless와 함께): pid, 부모, 사용자, argv, 상태, CPU, 메모리.</translation>
    </message>
    <message>
        <source>Watch the running process PID and its descendants from now on (every fork, exec and exit, with ptrace), in the window or with --headless; they keep running when the watch ends.</source>
        <translation>실행 중인 프로세스 PID와 그 자손을 이제부터 관찰합니다 (ptrace로 모든 fork, exec, 종료). 창에서도, --headless로도 됩니다. 관찰이 끝나도 프로세스들은 계속 실행됩니다.</translation>
    </message>
    <message>
        <source>--attach takes a process id from 1 to %1, not &quot;%2&quot;</source>
        <translation>--attach에는 1부터 %1까지의 프로세스 ID를 지정해야 합니다 (입력: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>With --processes: measure CPU % over S seconds (sampling every --sample-interval). With --attach: let go after S seconds.</source>
        <translation>--processes와 함께: S초 동안 CPU %를 잽니다 (--sample-interval마다 샘플링). --attach와 함께: S초 뒤에 놓아 줍니다.</translation>
    </message>
    <message>
        <source>not watched</source>
        <translation>관찰하지 못함</translation>
    </message>
    <message>
        <source>let go, still running</source>
        <translation>놓아 줌, 계속 실행 중</translation>
    </message>
    <message>
        <source>Not watched: %1.</source>
        <translation>관찰하지 못함: %1.</translation>
    </message>
    <message>
        <source>Watching process %1, which was already running, and its family: every fork, exec and exit from now on. Stop lets go and leaves them running.</source>
        <translation>이미 실행 중이던 프로세스 %1과(와) 그 가족을 관찰하는 중입니다: 이제부터의 모든 fork, exec, 종료. 중지하면 모두 실행 중인 채 놓아 줍니다.</translation>
    </message>
    <message>
        <source>SpawnScope let go of process %1 and its family at %2: they keep running, untraced, and what they do from then on is not recorded.</source>
        <translation>SpawnScope가 %2에 프로세스 %1과(와) 그 가족을 놓아 주었습니다: 프로세스들은 추적되지 않은 채 계속 실행되며, 그 뒤에 하는 일은 기록되지 않습니다.</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>waiting for disk</source>
        <translation>디스크 대기 중</translation>
    </message>
    <message>
        <source>zombie</source>
        <translation>좀비</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>cannot watch process %1: %2</source>
        <translation>프로세스 %1을(를) 관찰할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Watching %1 (pid %2)</source>
        <translation>%1 관찰 (pid %2)</translation>
    </message>
    <message>
        <source>The tracer ended before the family did (%1): what it did not see is unknown, and the kernel killed the processes it still traced (PTRACE_O_EXITKILL).</source>
        <translation>추적기가 가족보다 먼저 끝났습니다 (%1). 추적기가 보지 못한 일은 알 수 없고, 커널이 추적 중이던 프로세스를 종료했습니다 (PTRACE_O_EXITKILL).</translation>
    </message>
    <message>
        <source>unknown: the tracer died</source>
        <translation>알 수 없음: 추적기가 죽음</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) of the family were lost: the app fell behind the tracer, so the family shown is incomplete.</source>
        <translation>
            <numerusform>가족의 이벤트 %n개를 잃었습니다: 앱이 추적기를 따라가지 못해, 보이는 가족은 일부입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep at most N members of each watched family (default %1); the processes past it are counted, not stored, and the job says so.</source>
        <translation>관찰하는 가족마다 구성원을 최대 N개까지 보관합니다 (기본값 %1). 그 뒤의 프로세스는 보관하지 않고 개수만 세며, 작업에 그 사실이 표시됩니다.</translation>
    </message>
    <message>
        <source>--family-limit takes a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--family-limit에는 1부터 %1까지의 정수를 지정해야 합니다 (입력: &quot;%2&quot;)</translation>
    </message>
    <message numerus="yes">
        <source>The family passed its limit of %1 members (--family-limit): %n more process(es) were counted but not kept.</source>
        <translation>
            <numerusform>가족이 구성원 한도 %1개(--family-limit)를 넘었습니다: 프로세스 %n개는 개수만 세고 보관하지 않았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>%1(으)로 종료됨</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>종료 코드 %1</translation>
    </message>
    <message>
        <source>the %1 timeout</source>
        <translation>%1 제한 시간</translation>
    </message>
    <message>
        <source>you stopped it</source>
        <translation>사용자가 중지할 때</translation>
    </message>
    <message numerus="yes">
        <source>The program itself had ended (%1, at %2). Descendants still running after it: %n; the watch followed them until %3.</source>
        <translation>
            <numerusform>프로그램 자체는 이미 끝났습니다 (%1, %2). 그 뒤에도 실행 중이던 자손: %n개. 관찰은 %3까지 이들을 따라갔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>SIGTERM reached those in its process group; after the %1 grace period SIGKILL ended the tracer, and the kernel killed the processes it still traced with it (PTRACE_O_EXITKILL).</source>
        <translation>SIGTERM은 프로세스 그룹 안의 프로세스에 전달되었고, %1 유예 시간 뒤 SIGKILL이 추적기를 끝냈으며, 커널이 추적기가 아직 추적하던 프로세스를 함께 종료했습니다 (PTRACE_O_EXITKILL).</translation>
    </message>
    <message>
        <source>still running after the program ended</source>
        <translation>프로그램이 끝난 뒤에도 실행 중</translation>
    </message>
    <message>
        <source>killed with the watch (the program had ended)</source>
        <translation>관찰과 함께 종료됨 (프로그램은 이미 끝남)</translation>
    </message>
    <message>
        <source>%1 is a set-user-ID or set-group-ID program: while it is traced the kernel runs it without those privileges, so it may fail here where it works unwatched.</source>
        <translation>%1은(는) set-user-ID 또는 set-group-ID 프로그램입니다: 추적되는 동안 커널은 그 권한 없이 실행하므로, 관찰하지 않을 때는 되는 일이 여기서는 실패할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 traces with ptrace, and the kernel allows one tracer per process: SpawnScope&apos;s tracer already traces its children, so it cannot (expect &quot;Operation not permitted&quot;).</source>
        <translation>%1은(는) ptrace로 추적하는데, 커널은 프로세스마다 추적기를 하나만 허용합니다: SpawnScope의 추적기가 이미 그 자식들을 추적하므로 추적할 수 없습니다 (&quot;Operation not permitted&quot;가 나옵니다).</translation>
    </message>
</context>
<context>
    <name>QuitController</name>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Stopping every child before quitting…</source>
        <translation>끝내기 전에 모든 자식 프로세스를 중지하는 중…</translation>
    </message>
    <message>
        <source>Quit SpawnScope?</source>
        <translation>SpawnScope를 끝내시겠습니까?</translation>
    </message>
    <message>
        <source>%1 child processes are still running. Stop them (SIGTERM, then SIGKILL after the grace period) and quit?</source>
        <translation>자식 프로세스 %1개가 아직 실행 중입니다. 모두 중지하고(SIGTERM, 유예 시간 후 SIGKILL) 끝내시겠습니까?</translation>
    </message>
</context>
<context>
    <name>ResourceChart</name>
    <message>
        <source>Select one job (not a group) to see its CPU and memory over time.</source>
        <translation>시간에 따른 CPU와 메모리를 보려면 (그룹이 아닌) 작업 하나를 선택하세요.</translation>
    </message>
    <message>
        <source>CPU now %1</source>
        <translation>현재 CPU %1</translation>
    </message>
    <message>
        <source>Memory now %1</source>
        <translation>현재 메모리 %1</translation>
    </message>
    <message>
        <source>Paused (SIGSTOP)</source>
        <translation>일시 정지됨 (SIGSTOP)</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>샘플 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory (RSS)</source>
        <translation>메모리 (RSS)</translation>
    </message>
    <message>
        <source>No sample yet</source>
        <translation>아직 샘플이 없습니다</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>측정 안 됨</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>벽시계 시간</translation>
    </message>
    <message>
        <source>From the first child&apos;s start to the last one&apos;s exit</source>
        <translation>첫 자식의 시작부터 마지막 자식의 종료까지</translation>
    </message>
    <message>
        <source>Σ children&apos;s time</source>
        <translation>Σ 자식 시간</translation>
    </message>
    <message>
        <source>Every child&apos;s own lifetime, added up</source>
        <translation>자식마다의 수명을 모두 더한 값</translation>
    </message>
    <message>
        <source>Parallelism (Σ ÷ wall)</source>
        <translation>병렬도 (Σ ÷ 벽시계)</translation>
    </message>
    <message>
        <source>About 1 when the children ran one at a time, about N when N ran at once</source>
        <translation>자식이 하나씩 돌았으면 약 1, N개가 동시에 돌았으면 약 N</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU 시간</translation>
    </message>
    <message>
        <source>User plus system time of every child, exact from the kernel where it could tell</source>
        <translation>모든 자식의 사용자 시간과 시스템 시간의 합(커널이 알려 줄 수 있으면 정확한 값)</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>최대 메모리</translation>
    </message>
    <message>
        <source>The most resident memory one child held</source>
        <translation>자식 하나가 차지한 가장 큰 상주 메모리</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Children started</source>
        <translation>시작한 자식 수</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Children that failed, timed out or were killed</source>
        <translation>실패했거나 시간 초과되었거나 강제 종료된 자식</translation>
    </message>
</context>
<context>
    <name>RunExporter</name>
    <message>
        <source>Nothing to export yet: run something first.</source>
        <translation>아직 내보낼 것이 없습니다: 먼저 무언가를 실행하십시오.</translation>
    </message>
    <message>
        <source>Export job log</source>
        <translation>작업 로그 내보내기</translation>
    </message>
    <message>
        <source>Job log, GNU parallel TSV (*.tsv *.txt)</source>
        <translation>작업 로그, GNU parallel TSV (*.tsv *.txt)</translation>
    </message>
    <message>
        <source>Job log, JSON (*.json)</source>
        <translation>작업 로그, JSON (*.json)</translation>
    </message>
    <message>
        <source>Export trace</source>
        <translation>트레이스 내보내기</translation>
    </message>
    <message>
        <source>Trace JSON (*.json)</source>
        <translation>트레이스 JSON (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Exported %1 finished group(s) to %2.</source>
        <translation>끝난 그룹 %1개를 %2에 내보냈습니다.</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>스크린숏 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Screenshot not saved</source>
        <translation>스크린숏을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Saved a %1×%2 screenshot to %3.</source>
        <translation>%1×%2 스크린숏을 %3에 저장했습니다.</translation>
    </message>
    <message>
        <source>Copied a %1×%2 screenshot to the clipboard.</source>
        <translation>%1×%2 스크린숏을 클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <source>the trace</source>
        <translation>트레이스</translation>
    </message>
    <message>
        <source>the job log</source>
        <translation>작업 로그</translation>
    </message>
    <message>
        <source>the screenshot</source>
        <translation>스크린샷</translation>
    </message>
</context>
<context>
    <name>RunGate</name>
    <message>
        <source>(saved with the preset)</source>
        <translation>(프리셋에 저장된 값)</translation>
    </message>
    <message>
        <source>(from the file)</source>
        <translation>(파일에서 읽음)</translation>
    </message>
    <message>
        <source>Stage %1 of %2</source>
        <translation>%2단계 중 %1단계</translation>
    </message>
    <message>
        <source>Command:  %1   %2</source>
        <translation>명령:  %1   %2</translation>
    </message>
    <message>
        <source>          [shell] /bin/sh -c runs this line: pipes, globs and $VARIABLES are the shell&apos;s</source>
        <translation>          [shell] /bin/sh -c가 이 줄을 실행합니다: 파이프, 글롭, $변수는 셸이 처리합니다</translation>
    </message>
    <message>
        <source>Working directory:  %1   (SpawnScope&apos;s own)</source>
        <translation>작업 디렉터리:  %1   (SpawnScope 자신의 것)</translation>
    </message>
    <message>
        <source>Working directory:  %1   %2</source>
        <translation>작업 디렉터리:  %1   %2</translation>
    </message>
    <message>
        <source>Environment:  yours, unchanged</source>
        <translation>환경 변수:  사용자의 것 그대로</translation>
    </message>
    <message>
        <source>Environment:  yours, with these set:</source>
        <translation>환경 변수:  사용자의 것에 다음을 설정:</translation>
    </message>
    <message>
        <source>  %1 = (secret, not in the file: you give it below)</source>
        <translation>  %1 = (비밀 값, 파일에 없음: 아래에 입력하세요)</translation>
    </message>
    <message>
        <source>Copies:  %1 at once</source>
        <translation>복사본:  동시에 %1개</translation>
    </message>
    <message>
        <source>Timeout:  %1 s</source>
        <translation>타임아웃:  %1초</translation>
    </message>
    <message>
        <source>Secret values needed</source>
        <translation>비밀 값이 필요합니다</translation>
    </message>
    <message>
        <source>This run was read from %1. Running it again starts these programs on this machine, as you:</source>
        <translation>이 실행은 %1에서 읽은 것입니다. 다시 실행하면 이 컴퓨터에서 사용자 권한으로 다음 프로그램들이 시작됩니다:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs secret values that were not saved with it (secrets never are, outside your own presets file):</source>
        <translation>&quot;%1&quot;에는 함께 저장되지 않은 비밀 값이 필요합니다(비밀 값은 본인의 프리셋 파일 말고는 어디에도 저장되지 않습니다):</translation>
    </message>
    <message>
        <source>the value of %1 (never saved, never shown)</source>
        <translation>%1의 값 (저장되지도, 표시되지도 않습니다)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Give every secret value first</source>
        <translation>먼저 비밀 값을 모두 입력하세요</translation>
    </message>
    <message>
        <source>  %1 = %2   (secret, known to SpawnScope)</source>
        <translation>  %1 = %2   (비밀 값, SpawnScope가 알고 있음)</translation>
    </message>
    <message>
        <source>Run a recorded run again?</source>
        <translation>기록된 실행을 다시 실행할까요?</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>&amp;New session</source>
        <translation>새 세션(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>세션 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>다른 이름으로 세션 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Keep runs between restarts</source>
        <translation>다시 시작해도 실행 기록 유지(&amp;K)</translation>
    </message>
    <message>
        <source>Clear every finished run from the table and the timeline (Ctrl+Shift+N; Ctrl+Z brings them back)</source>
        <translation>끝난 실행을 모두 표와 타임라인에서 지웁니다(Ctrl+Shift+N, Ctrl+Z로 되돌림)</translation>
    </message>
    <message>
        <source>Show a saved session or a headless --report file in the table and the timeline, read-only (Ctrl+O)</source>
        <translation>저장한 세션이나 헤드리스 --report 파일을 표와 타임라인에 읽기 전용으로 보여 줍니다(Ctrl+O)</translation>
    </message>
    <message>
        <source>Write every finished run to a file that SpawnScope (or --screenshot --open) can show again (Ctrl+Alt+S)</source>
        <translation>끝난 실행을 모두 SpawnScope(또는 --screenshot --open)가 다시 보여 줄 수 있는 파일로 씁니다(Ctrl+Alt+S)</translation>
    </message>
    <message>
        <source>Save the finished runs as you go and show them again the next time SpawnScope opens</source>
        <translation>끝난 실행을 그때그때 저장하고, 다음에 SpawnScope를 열 때 다시 보여 줍니다</translation>
    </message>
    <message>
        <source>Finished runs will be kept between restarts.</source>
        <translation>끝난 실행을 다시 시작해도 유지합니다.</translation>
    </message>
    <message>
        <source>Runs are no longer kept between restarts; the last saved session stays on disk.</source>
        <translation>이제 실행 기록을 유지하지 않습니다. 마지막으로 저장한 세션은 디스크에 남아 있습니다.</translation>
    </message>
    <message>
        <source>The last session could not be restored</source>
        <translation>지난 세션을 되살리지 못했습니다</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n run(s) from the last session (marked ⟲). File → New session starts empty.</source>
        <translation>
            <numerusform>지난 세션의 실행 %n개를 되살렸습니다(⟲ 표시). 파일 → 새 세션으로 빈 상태에서 시작합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open this session</source>
        <translation>이 세션을 열 수 없습니다</translation>
    </message>
    <message>
        <source>%1

Nothing in the table was changed.</source>
        <translation>%1

표의 내용은 바뀌지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Opened %n run(s) from %1 (read-only; Run again runs one anew).</source>
        <translation>
            <numerusform>%1에서 실행 %n개를 열었습니다(읽기 전용, 다시 실행하면 새로 실행합니다).</numerusform>
        </translation>
    </message>
    <message>
        <source>The session was not saved: %1</source>
        <translation>세션을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>New session: the finished runs were cleared (Ctrl+Z brings them back).</source>
        <translation>새 세션: 끝난 실행을 지웠습니다(Ctrl+Z로 되돌림).</translation>
    </message>
    <message>
        <source>The session is already empty.</source>
        <translation>세션이 이미 비어 있습니다.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <source>Open a session or report</source>
        <translation>세션이나 보고서 열기</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>The session was not saved</source>
        <translation>세션을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>Saved the session to %1.</source>
        <translation>세션을 %1에 저장했습니다.</translation>
    </message>
    <message>
        <source>Part of the last session was restored</source>
        <translation>지난 세션의 일부만 되살렸습니다</translation>
    </message>
    <message numerus="yes">
        <source>All %n run(s) in %1 are already shown; nothing was added.</source>
        <translation>
            <numerusform>%1의 실행 %n개가 모두 이미 표시되어 있어 아무것도 추가하지 않았습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out %n run(s) already shown.</source>
        <translation>
            <numerusform>이미 표시된 실행 %n개는 뺐습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionKeeper</name>
    <message>
        <source>the session</source>
        <translation>세션</translation>
    </message>
    <message>
        <source>Saving this session is off, so that it is not written over.</source>
        <translation>그 파일을 덮어쓰지 않도록 이번 세션은 저장하지 않습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 needs more than %2 of memory to open whole: its %n oldest run(s) would be left out.</source>
        <translation>
            <numerusform>%1을(를) 통째로 열려면 메모리가 %2보다 많이 필요합니다: 가장 오래된 실행 %n개를 빼야 합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>It was moved aside as %1, and this session starts empty.</source>
        <translation>파일은 %1(으)로 옮겨 두었고, 이번 세션은 빈 상태로 시작합니다.</translation>
    </message>
    <message numerus="yes">
        <source>The last session needs more than %1 of memory: its %n oldest run(s) were left out.</source>
        <translation>
            <numerusform>지난 세션을 되살리려면 메모리가 %1보다 많이 필요합니다: 가장 오래된 실행 %n개는 빼고 되살렸습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The whole file was kept as %1.</source>
        <translation>파일 전체는 %1(으)로 남겨 두었습니다.</translation>
    </message>
</context>
<context>
    <name>SessionReader</name>
    <message>
        <source>&quot;%1&quot; %2</source>
        <translation>&quot;%1&quot; 값이 %2</translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation>true나 false가 아닙니다</translation>
    </message>
    <message>
        <source>is not a string</source>
        <translation>문자열이 아닙니다</translation>
    </message>
    <message>
        <source>is not a list</source>
        <translation>목록이 아닙니다</translation>
    </message>
    <message>
        <source>is not base64</source>
        <translation>base64가 아닙니다</translation>
    </message>
    <message>
        <source>a descendant is not an object</source>
        <translation>자손 항목이 객체가 아닙니다</translation>
    </message>
    <message>
        <source>is nested too deeply to be a session or report</source>
        <translation>너무 깊이 중첩되어 세션이나 보고서일 수 없습니다</translation>
    </message>
    <message>
        <source>ends in the middle: the file is cut short (a crash or a full disk while it was written?)</source>
        <translation>중간에서 끝납니다: 파일이 잘렸습니다(쓰는 도중 충돌했거나 디스크가 가득 찼나요?)</translation>
    </message>
    <message>
        <source>is not JSON: %1 at byte %2</source>
        <translation>JSON이 아닙니다: %2번째 바이트에서 %1</translation>
    </message>
    <message>
        <source>it has no jobs and no &quot;presetDefinition&quot;</source>
        <translation>작업도 &quot;presetDefinition&quot;도 없습니다</translation>
    </message>
    <message>
        <source>is &quot;%1&quot;, not a job state</source>
        <translation>&quot;%1&quot;(으)로, 작업 상태가 아닙니다</translation>
    </message>
    <message>
        <source>is &quot;%1&quot;: a recorded job must have ended</source>
        <translation>&quot;%1&quot;입니다: 기록된 작업은 끝나 있어야 합니다</translation>
    </message>
    <message>
        <source>is &quot;%1&quot;, not a known cause</source>
        <translation>&quot;%1&quot;(으)로, 알려진 원인이 아닙니다</translation>
    </message>
    <message>
        <source>is less than the text kept</source>
        <translation>남겨 둔 텍스트보다 작습니다</translation>
    </message>
    <message>
        <source>has a point that is not [ms, CPU %, RSS KiB]</source>
        <translation>[ms, CPU %, RSS KiB] 형식이 아닌 점이 있습니다</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>비어 있습니다</translation>
    </message>
    <message>
        <source>has a line longer than %1 MiB: it is not a session or report SpawnScope can read</source>
        <translation>%1 MiB보다 긴 줄이 있습니다: SpawnScope가 읽을 수 있는 세션이나 보고서가 아닙니다</translation>
    </message>
    <message>
        <source>has a bad job (run %1, job %2): %3</source>
        <translation>잘못된 작업이 있습니다(실행 %1, 작업 %2): %3</translation>
    </message>
    <message>
        <source>is %1 as one JSON document, laid out other than SpawnScope writes it; such files can be opened up to %2</source>
        <translation>SpawnScope가 쓰는 배치와 다른 %1 크기의 JSON 문서입니다. 이런 파일은 %2까지 열 수 있습니다</translation>
    </message>
    <message>
        <source>cannot be read again from its start</source>
        <translation>처음부터 다시 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>is JSON but not a SpawnScope session or report (it has no &quot;runs&quot; list)</source>
        <translation>JSON이지만 SpawnScope 세션이나 보고서가 아닙니다(&quot;runs&quot; 목록이 없습니다)</translation>
    </message>
    <message>
        <source>is another program&apos;s JSON (its format is &quot;%1&quot;)</source>
        <translation>다른 프로그램의 JSON입니다(형식이 &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>was written by a newer SpawnScope (format version %1; this one reads up to %2)</source>
        <translation>더 새로운 SpawnScope가 쓴 파일입니다(형식 버전 %1, 이 버전은 %2까지 읽습니다)</translation>
    </message>
    <message>
        <source>has %1 runs but job lists for %2</source>
        <translation>실행은 %1개인데 작업 목록은 %2개입니다</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>실행 %1</translation>
    </message>
    <message>
        <source>has a bad run (%1): it is not an object</source>
        <translation>잘못된 실행이 있습니다(%1): 객체가 아닙니다</translation>
    </message>
    <message>
        <source>has a bad run (%1): %2</source>
        <translation>잘못된 실행이 있습니다(%1): %2</translation>
    </message>
    <message>
        <source>has a time that %1</source>
        <translation>안의 시간 하나가 %1</translation>
    </message>
    <message>
        <source>has a point whose value %1</source>
        <translation>안의 점 하나가 %1</translation>
    </message>
    <message>
        <source>&quot;group&quot; %1</source>
        <translation>&quot;group&quot; 값이 %1</translation>
    </message>
    <message>
        <source>has a bad &quot;version&quot;: it %1</source>
        <translation>잘못된 &quot;version&quot;이 있습니다: %1</translation>
    </message>
    <message>
        <source>cannot be restored within %1 of memory: even its newest run needs more</source>
        <translation>메모리 %1 안에서 되살릴 수 없습니다: 가장 최근 실행 하나에도 그보다 많이 필요합니다</translation>
    </message>
    <message>
        <source>&quot;copies&quot; %1</source>
        <translation>&quot;copies&quot; 값이 %1</translation>
    </message>
    <message>
        <source>%1 copies; the window shows runs of up to %2 copies</source>
        <translation>사본이 %1개입니다. 창은 사본 %2개까지의 실행만 보여 줍니다</translation>
    </message>
    <message>
        <source>%1 jobs where its preset makes %2 (%3 copies × %4 stages)</source>
        <translation>프리셋으로는 작업이 %2개(사본 %3개 × 단계 %4개)여야 하는데 %1개입니다</translation>
    </message>
    <message>
        <source>job %1 is not copy %2, stage %3, where the order puts it</source>
        <translation>작업 %1이(가) 순서상 자리인 사본 %2, 단계 %3이(가) 아닙니다</translation>
    </message>
    <message>
        <source>&quot;uuid&quot; is not a UUID</source>
        <translation>&quot;uuid&quot; 값이 UUID가 아닙니다</translation>
    </message>
</context>
<context>
    <name>ShellWords</name>
    <message>
        <source>The single quote at character %1 is never closed: add a closing &apos; (inside single quotes everything is literal)</source>
        <translation>%1번째 글자의 작은따옴표가 닫히지 않았습니다: 닫는 &apos;를 추가하세요(작은따옴표 안은 모두 글자 그대로입니다)</translation>
    </message>
    <message>
        <source>The double quote at character %1 is never closed: add a closing &quot;</source>
        <translation>%1번째 글자의 큰따옴표가 닫히지 않았습니다: 닫는 &quot;를 추가하세요</translation>
    </message>
    <message>
        <source>The command ends with a backslash, which escapes nothing: remove it or quote it as &apos;\&apos;</source>
        <translation>명령이 아무것도 이스케이프하지 않는 백슬래시로 끝납니다: 지우거나 &apos;\&apos;처럼 따옴표로 감싸세요</translation>
    </message>
</context>
<context>
    <name>SignalOutcome</name>
    <message>
        <source>sent</source>
        <translation>보냄</translation>
    </message>
    <message>
        <source>ended on SIGTERM</source>
        <translation>SIGTERM으로 끝남</translation>
    </message>
    <message>
        <source>killed after the grace period</source>
        <translation>유예 시간 후 강제 종료됨</translation>
    </message>
    <message>
        <source>already ended</source>
        <translation>이미 끝남</translation>
    </message>
    <message>
        <source>pid reused by another process</source>
        <translation>다른 프로세스가 pid를 재사용함</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>StreamedFile</name>
    <message>
        <source>stopped by signal %1 while waiting for its reader to read</source>
        <translation>읽는 쪽이 읽기를 기다리는 중에 시그널 %1을(를) 받아 멈췄습니다</translation>
    </message>
</context>
<context>
    <name>ThreadLab</name>
    <message>
        <source>no job engine to start worker processes with</source>
        <translation>워커 프로세스를 시작할 작업 엔진이 없습니다</translation>
    </message>
    <message>
        <source>Threads lab: factorize %1 in a child process</source>
        <translation>스레드 실험실: 자식 프로세스에서 %1 인수분해</translation>
    </message>
    <message>
        <source>A worker started by the threads lab: SpawnScope itself in worker mode, one process per number, so the numbers are factorized in parallel on separate cores.</source>
        <translation>스레드 실험실이 시작한 워커입니다: 워커 모드로 실행한 SpawnScope 자신이며, 숫자마다 프로세스 하나씩이므로 숫자들이 서로 다른 코어에서 병렬로 인수분해됩니다.</translation>
    </message>
    <message>
        <source>the worker for %1 did not answer: %2</source>
        <translation>%1 담당 워커가 응답하지 않았습니다: %2</translation>
    </message>
</context>
<context>
    <name>ThreadsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>CPU-bound: factorize (wall time; shorter is faster)</source>
        <translation>CPU 바운드: 인수분해 (벽시계 시간, 짧을수록 빠름)</translation>
    </message>
    <message>
        <source>Blocking I/O (wall time)</source>
        <translation>블로킹 I/O (벽시계 시간)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Item 53: use threads for blocking I/O, avoid them for parallelism.&lt;/b&gt; CPython runs one thread at a time (the GIL), so threads give no speed-up on CPU-bound work, yet they overlap blocking calls. SpawnScope is C++, so its &lt;i&gt;Threads&lt;/i&gt; really run in parallel; &lt;i&gt;Threads + GIL&lt;/i&gt; adds one global lock handed over every 5 ms, as CPython does, and &lt;i&gt;Processes&lt;/i&gt; starts one child per number, as multiprocessing would.</source>
        <translation>&lt;b&gt;항목 53: 블로킹 I/O의 경우 스레드를 사용하고 병렬성을 피하라.&lt;/b&gt; CPython은 한 번에 스레드 하나만 실행하므로(GIL) CPU 바운드 작업에서는 스레드로 빨라지지 않지만, 블로킹 호출은 겹쳐서 기다릴 수 있습니다. SpawnScope는 C++로 작성되어 &lt;i&gt;스레드&lt;/i&gt; 모드가 실제로 병렬로 실행됩니다. &lt;i&gt;스레드 + GIL&lt;/i&gt; 모드는 CPython처럼 5 ms마다 넘겨주는 전역 잠금 하나를 더하고, &lt;i&gt;프로세스&lt;/i&gt; 모드는 multiprocessing처럼 숫자마다 자식 프로세스를 하나씩 시작합니다.</translation>
    </message>
    <message>
        <source>Positive whole numbers, separated by commas</source>
        <translation>쉼표로 구분한 양의 정수</translation>
    </message>
    <message>
        <source>Any unsigned 64-bit values. The seed&apos;s numbers are 2139079, 1214759, 1516637, 1852285.</source>
        <translation>부호 없는 64비트 값이면 됩니다. 예제의 숫자는 2139079, 1214759, 1516637, 1852285입니다.</translation>
    </message>
    <message>
        <source>Factorize each number K times, so a run lasts long enough to watch: the seed&apos;s numbers take only milliseconds in C++</source>
        <translation>각 숫자를 K번 인수분해하여, 지켜볼 수 있을 만큼 실행 시간을 늘립니다: 예제의 숫자는 C++에서 몇 밀리초밖에 걸리지 않습니다</translation>
    </message>
    <message>
        <source>Trial division up to n (the seed&apos;s)</source>
        <translation>n까지 시행 나눗셈 (예제 방식)</translation>
    </message>
    <message>
        <source>Faster: trial division up to √n</source>
        <translation>더 빠름: √n까지 시행 나눗셈</translation>
    </message>
    <message>
        <source>The seed divides by every i from 1 to n. Up to √n finds each divisor pair (i, n/i) instead: the same answer, far fewer divisions</source>
        <translation>예제는 1부터 n까지 모든 i로 나눕니다. √n까지만 나누면 약수 쌍 (i, n/i)을 한꺼번에 찾습니다: 답은 같고 나눗셈 횟수는 훨씬 적습니다</translation>
    </message>
    <message>
        <source>CPU-bound work: factorize(number)</source>
        <translation>CPU 바운드 작업: factorize(number)</translation>
    </message>
    <message>
        <source>&amp;Numbers:</source>
        <translation>숫자(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>알고리즘(&amp;A):</translation>
    </message>
    <message>
        <source>Scale K:</source>
        <translation>반복 K:</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>직렬</translation>
    </message>
    <message>
        <source>One thread factorizes the numbers one after another</source>
        <translation>스레드 하나가 숫자들을 차례로 인수분해합니다</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>One thread per number, running in parallel</source>
        <translation>숫자마다 스레드 하나씩, 병렬로 실행합니다</translation>
    </message>
    <message>
        <source>Threads + GIL</source>
        <translation>스레드 + GIL</translation>
    </message>
    <message>
        <source>One thread per number, but only the holder of one global lock may compute, handing it over every 5 ms: CPython&apos;s situation</source>
        <translation>숫자마다 스레드 하나씩이지만, 전역 잠금 하나를 가진 스레드만 계산할 수 있고 5 ms마다 잠금을 넘겨줍니다: CPython의 상황입니다</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>One child process per number: SpawnScope itself in worker mode, shown in the Processes tab like any other job</source>
        <translation>숫자마다 자식 프로세스 하나씩: 워커 모드로 실행한 SpawnScope 자신이며, 다른 작업처럼 프로세스 탭에 표시됩니다</translation>
    </message>
    <message>
        <source>Run &amp;all</source>
        <translation>모두 실행(&amp;A)</translation>
    </message>
    <message>
        <source>Serial, Threads, Threads + GIL and Processes, in turn</source>
        <translation>직렬, 스레드, 스레드 + GIL, 프로세스를 차례로 실행합니다</translation>
    </message>
    <message>
        <source>Blocking I/O: each worker waits in a system call</source>
        <translation>블로킹 I/O: 각 워커가 시스템 호출 안에서 기다립니다</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Workers N:</source>
        <translation>워커 수 N:</translation>
    </message>
    <message>
        <source>each blocks T:</source>
        <translation>각 블로킹 시간 T:</translation>
    </message>
    <message>
        <source>One worker after another: about N × T</source>
        <translation>워커를 하나씩 차례로: 약 N × T</translation>
    </message>
    <message>
        <source>All workers wait at once: about T</source>
        <translation>모든 워커가 동시에 기다림: 약 T</translation>
    </message>
    <message>
        <source>The GIL is released around the blocking call: still about T</source>
        <translation>블로킹 호출 동안 GIL이 풀림: 여전히 약 T</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>모두 실행</translation>
    </message>
    <message>
        <source>Serial, Threads and Threads + GIL, in turn</source>
        <translation>직렬, 스레드, 스레드 + GIL을 차례로 실행합니다</translation>
    </message>
    <message>
        <source>Each worker calls poll() with a timeout, as the book uses select(). CPython releases the GIL around such a call, so GIL threads wait in parallel too.</source>
        <translation>책에서 select()를 쓰듯이, 각 워커는 타임아웃을 주고 poll()을 호출합니다. CPython은 이런 호출 동안 GIL을 풀어 주므로 GIL 스레드도 병렬로 기다립니다.</translation>
    </message>
    <message>
        <source>Stop the running mode (Esc); it stops within 100 ms</source>
        <translation>실행 중인 모드를 중지합니다 (Esc). 100 ms 안에 멈춥니다</translation>
    </message>
    <message>
        <source>The divisors of each number appear here, in ascending order</source>
        <translation>각 숫자의 약수가 오름차순으로 여기에 표시됩니다</translation>
    </message>
    <message>
        <source>CPU-bound activity</source>
        <translation>CPU 바운드 활동</translation>
    </message>
    <message>
        <source>Blocking I/O activity</source>
        <translation>블로킹 I/O 활동</translation>
    </message>
    <message>
        <source>Watch the Threads + GIL rows: the workers take turns, so only one computes at a time</source>
        <translation>스레드 + GIL 행을 보십시오: 워커들이 번갈아 실행하므로 한 번에 하나만 계산합니다</translation>
    </message>
    <message>
        <source>Estimated serial time on this machine: &lt;b&gt;%1&lt;/b&gt; (%2 divisions).</source>
        <translation>이 컴퓨터에서 예상되는 직렬 실행 시간: &lt;b&gt;%1&lt;/b&gt; (나눗셈 %2번).</translation>
    </message>
    <message>
        <source>The lab is already running; cancel it first.</source>
        <translation>실험이 이미 실행 중입니다. 먼저 취소하십시오.</translation>
    </message>
    <message>
        <source>Check the numbers: %1</source>
        <translation>숫자를 확인하십시오: %1</translation>
    </message>
    <message>
        <source>A long run</source>
        <translation>오래 걸리는 실행</translation>
    </message>
    <message>
        <source>A serial run is estimated at %1. You can cancel at any time. Start it?</source>
        <translation>직렬 실행 예상 시간은 %1입니다. 언제든지 취소할 수 있습니다. 시작하시겠습니까?</translation>
    </message>
    <message>
        <source>Running: %1…</source>
        <translation>실행 중: %1…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 실패: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>완료되었습니다.</translation>
    </message>
    <message>
        <source>Threads lab cancelled.</source>
        <translation>스레드 실험실이 취소되었습니다.</translation>
    </message>
    <message>
        <source>Threads lab finished.</source>
        <translation>스레드 실험실이 끝났습니다.</translation>
    </message>
    <message>
        <source>Divisors (%1):
</source>
        <translation>약수 (%1):
</translation>
    </message>
    <message>
        <source>That is long: choose &quot;up to √n&quot; or fewer repetitions.</source>
        <translation>오래 걸립니다: &quot;√n까지&quot;를 선택하거나 반복 횟수를 줄이십시오.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Threads lab · factorize · %1</source>
        <translation>스레드 실험실 · 인수분해 · %1</translation>
    </message>
    <message>
        <source>Threads lab · blocking I/O · %1</source>
        <translation>스레드 실험실 · 블로킹 I/O · %1</translation>
    </message>
    <message>
        <source>(fork of %1)</source>
        <translation>(%1의 fork)</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom in around the middle (+, or Ctrl+wheel at the pointer)</source>
        <translation>가운데를 중심으로 확대합니다 (+, 또는 포인터 위치에서 Ctrl+휠)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>축소합니다 (-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞추기</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>exit 0</source>
        <translation>종료 0</translation>
    </message>
    <message>
        <source>pipe closed</source>
        <translation>파이프 닫힘</translation>
    </message>
    <message>
        <source>exit ≠ 0 or crashed</source>
        <translation>종료 ≠ 0 또는 비정상 종료</translation>
    </message>
    <message>
        <source>timed out or stopped</source>
        <translation>시간 초과 또는 중지</translation>
    </message>
    <message>
        <source>Colour by CPU</source>
        <translation>CPU로 색칠</translation>
    </message>
    <message>
        <source>Shade each bar by its sampled CPU %: pale where the child waited (sleep, I/O, a pipe), full colour where it kept a core busy</source>
        <translation>각 막대를 샘플링한 CPU %로 음영 처리합니다: 자식 프로세스가 기다린 곳(sleep, I/O, 파이프)은 옅게, 코어를 바쁘게 쓴 곳은 진하게</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>pale → full: 0 → 100 % CPU</source>
        <translation>옅음 → 진함: CPU 0 → 100 %</translation>
    </message>
    <message>
        <source>TERM / KILL: signal sent · ● exit · ╷ poll() · ↓ pipe</source>
        <translation>TERM / KILL: 시그널 보냄 · ● 종료 · ╷ poll() · ↓ 파이프</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>모두 맞추기</translation>
    </message>
    <message>
        <source>Show every run whole and follow the live ones (A, or 0 with no run selected)</source>
        <translation>모든 실행을 한눈에 보여 주고, 실행 중인 것을 따라갑니다 (A, 또는 선택한 실행이 없을 때 0)</translation>
    </message>
    <message>
        <source>Fit the selected run: zoom and pan so that &lt;b&gt;%1&lt;/b&gt; fills the view, and follow it while it runs (0 or F)</source>
        <translation>선택한 실행에 맞춥니다: &lt;b&gt;%1&lt;/b&gt;이(가) 화면을 채우도록 확대하고 이동하며, 실행 중에는 따라갑니다 (0 또는 F)</translation>
    </message>
    <message>
        <source>Show every run whole and follow the live ones (0). Select a run (click its lane, or its row in Processes) and Fit shows that run alone.</source>
        <translation>모든 실행을 한눈에 보여 주고, 실행 중인 것을 따라갑니다 (0). 실행을 선택하면(레인이나 프로세스 탭의 행을 클릭) 맞추기가 그 실행만 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Queued: waiting for a free slot.</source>
        <translation>대기 중: 빈자리를 기다리고 있습니다.</translation>
    </message>
    <message>
        <source>Started at %1</source>
        <translation>%1에 시작</translation>
    </message>
    <message>
        <source>SIGTERM sent at %1</source>
        <translation>%1에 SIGTERM 보냄</translation>
    </message>
    <message>
        <source>SIGKILL sent at %1</source>
        <translation>%1에 SIGKILL 보냄</translation>
    </message>
    <message numerus="yes">
        <source>poll() checked it %n time(s) while it ran</source>
        <translation>
            <numerusform>실행 중에 poll()이 %n번 확인함</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ran in %n turn(s) with the lock</source>
        <translation>
            <numerusform>잠금을 쥐고 %n번에 나누어 실행됨</numerusform>
        </translation>
    </message>
    <message>
        <source>Ended at %1, after %2</source>
        <translation>%1에 종료, 실행 시간 %2</translation>
    </message>
    <message>
        <source>Still running.</source>
        <translation>아직 실행 중입니다.</translation>
    </message>
    <message>
        <source>Run a preset and every child process gets a lane here: when it started, when it was sent SIGTERM or SIGKILL, when it exited, and each poll().

Ctrl+wheel or +/- zooms, drag pans, 0 fits everything.</source>
        <translation>프리셋을 실행하면 자식 프로세스마다 여기에 한 줄(레인)씩 생깁니다: 언제 시작했는지, 언제 SIGTERM이나 SIGKILL을 받았는지, 언제 종료했는지, 그리고 각 poll()이 표시됩니다.

Ctrl+휠 또는 +/-로 확대·축소하고, 끌어서 이동하며, 0을 누르면 전체가 화면에 맞춰집니다.</translation>
    </message>
    <message>
        <source>%1 — wall %2</source>
        <translation>%1 — 벽시계 %2</translation>
    </message>
    <message>
        <source>timeout %1</source>
        <translation>타임아웃 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>since the run started</source>
        <translation>실행 시작 후 경과</translation>
    </message>
    <message>
        <source>chain %1 · %2</source>
        <translation>체인 %1 · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Paused&lt;/b&gt; from %1 to %2 (SIGSTOP): it used no CPU, but its timeout kept counting</source>
        <translation>%1부터 %2까지 &lt;b&gt;일시 정지&lt;/b&gt; (SIGSTOP): CPU는 쓰지 않았지만 타임아웃은 계속 셌습니다</translation>
    </message>
    <message>
        <source>now</source>
        <translation>지금</translation>
    </message>
    <message numerus="yes">
        <source>Paused %n time(s) (hatched)</source>
        <translation>
            <numerusform>%n번 일시 정지됨 (빗금)</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — PID %2, watched</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — PID %2, 관찰</translation>
    </message>
    <message>
        <source>Forked at %1</source>
        <translation>%1에 fork</translation>
    </message>
    <message>
        <source>exec at %1</source>
        <translation>%1에 exec</translation>
    </message>
    <message>
        <source>Ended at %1, after %2: %3</source>
        <translation>%1에 끝남, %2 동안 실행: %3</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>종료 %1</translation>
    </message>
    <message>
        <source>stdout → pipe to %1 (PID %2)</source>
        <translation>stdout → %1로 가는 파이프 (PID %2)</translation>
    </message>
</context>
<context>
    <name>UnixSignals</name>
    <message>
        <source>hang-up: its terminal or controlling process went away</source>
        <translation>행업: 터미널이나 제어 프로세스가 사라졌습니다</translation>
    </message>
    <message>
        <source>interrupt, as from Ctrl+C</source>
        <translation>인터럽트, Ctrl+C를 누를 때처럼</translation>
    </message>
    <message>
        <source>quit request, with a core dump</source>
        <translation>종료 요청, 코어 덤프와 함께</translation>
    </message>
    <message>
        <source>illegal instruction</source>
        <translation>잘못된 명령어</translation>
    </message>
    <message>
        <source>trace or breakpoint trap</source>
        <translation>트레이스 또는 중단점 트랩</translation>
    </message>
    <message>
        <source>abort: the program gave up on itself</source>
        <translation>중단: 프로그램이 스스로 포기했습니다</translation>
    </message>
    <message>
        <source>bus error: bad memory access</source>
        <translation>버스 오류: 잘못된 메모리 접근</translation>
    </message>
    <message>
        <source>arithmetic error, such as division by zero</source>
        <translation>산술 오류, 예를 들어 0으로 나누기</translation>
    </message>
    <message>
        <source>kill: cannot be caught or ignored</source>
        <translation>강제 종료: 잡거나 무시할 수 없습니다</translation>
    </message>
    <message>
        <source>user-defined signal 1</source>
        <translation>사용자 정의 시그널 1</translation>
    </message>
    <message>
        <source>segmentation fault: invalid memory access</source>
        <translation>세그먼테이션 오류: 잘못된 메모리 접근</translation>
    </message>
    <message>
        <source>user-defined signal 2</source>
        <translation>사용자 정의 시그널 2</translation>
    </message>
    <message>
        <source>broken pipe: it wrote to a pipe nobody reads any more</source>
        <translation>깨진 파이프: 더 이상 아무도 읽지 않는 파이프에 썼습니다</translation>
    </message>
    <message>
        <source>alarm clock</source>
        <translation>알람 타이머</translation>
    </message>
    <message>
        <source>termination request: the polite way to stop a process</source>
        <translation>종료 요청: 프로세스를 멈추는 정중한 방법</translation>
    </message>
    <message>
        <source>child status changed</source>
        <translation>자식 프로세스 상태 변경</translation>
    </message>
    <message>
        <source>continue after a stop</source>
        <translation>일시 정지 후 계속</translation>
    </message>
    <message>
        <source>stop: pauses the process, cannot be caught</source>
        <translation>정지: 프로세스를 멈춥니다, 잡을 수 없습니다</translation>
    </message>
    <message>
        <source>terminal stop, as from Ctrl+Z</source>
        <translation>터미널 정지, Ctrl+Z를 누를 때처럼</translation>
    </message>
    <message>
        <source>background read from the terminal</source>
        <translation>백그라운드에서 터미널 읽기</translation>
    </message>
    <message>
        <source>background write to the terminal</source>
        <translation>백그라운드에서 터미널 쓰기</translation>
    </message>
    <message>
        <source>urgent data on a socket</source>
        <translation>소켓의 긴급 데이터</translation>
    </message>
    <message>
        <source>CPU time limit exceeded</source>
        <translation>CPU 시간 제한 초과</translation>
    </message>
    <message>
        <source>file size limit exceeded</source>
        <translation>파일 크기 제한 초과</translation>
    </message>
    <message>
        <source>virtual timer expired</source>
        <translation>가상 타이머 만료</translation>
    </message>
    <message>
        <source>profiling timer expired</source>
        <translation>프로파일링 타이머 만료</translation>
    </message>
    <message>
        <source>window size changed</source>
        <translation>창 크기 변경</translation>
    </message>
    <message>
        <source>I/O possible</source>
        <translation>I/O 가능</translation>
    </message>
    <message>
        <source>bad system call</source>
        <translation>잘못된 시스템 호출</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>시그널 %1</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>%1 running · %2 in the table</source>
        <translation>실행 중 %1 · 표에 %2</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Started %1: one child process.</source>
        <translation>%1 시작: 자식 프로세스 1개를 실행합니다.</translation>
    </message>
    <message>
        <source>Started %1: %2 child processes at once.</source>
        <translation>%1 시작: 자식 프로세스 %2개를 한꺼번에 실행합니다.</translation>
    </message>
</context>
</TS>
