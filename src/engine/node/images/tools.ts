// Executables shipped by the base images (by basename). Busybox provides one applet per tool.

/** busybox applets we model (busybox `--list`, trimmed to what the shell model implements). */
export const BUSYBOX = ['sh', 'ash', 'echo', 'printf', 'sleep', 'cat', 'wget', 'nslookup', 'ps', 'sysctl', 'nc', 'hostname', 'env', 'date', 'uname', 'whoami', 'id', 'ls', 'grep', 'head', 'tail', 'wc', 'netstat', 'true', 'false', 'test', '[', 'kill', 'mkdir', 'touch', 'rm', 'ping', 'telnet', 'top', 'ifconfig', 'ip', 'route', 'mount', 'df', 'free', 'uptime', 'tr', 'cut', 'sort', 'seq', 'expr', 'tee', 'xargs', 'which', 'basename', 'dirname', 'pwd', 'nohup', 'timeout', 'cp', 'yes', 'dd']

/** A Debian/Ubuntu-based image: coreutils, dash, no network tools. */
export const DEBIAN = ['sh', 'bash', 'dash', 'echo', 'printf', 'sleep', 'cat', 'hostname', 'env', 'date', 'uname', 'whoami', 'id', 'ls', 'grep', 'head', 'tail', 'wc', 'true', 'false', 'test', '[', 'kill', 'mkdir', 'touch', 'rm', 'tr', 'cut', 'sort', 'seq', 'expr', 'tee', 'xargs', 'which', 'basename', 'dirname', 'pwd', 'nohup', 'timeout', 'mount', 'df', 'cp', 'yes', 'dd']

export const ALPINE = [...BUSYBOX, 'apk']
