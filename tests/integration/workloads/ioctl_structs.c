// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// ioctls whose argument is a struct the call reads or fills, for test_decode_ioctl.py: a
// pseudo-terminal's struct termios, termio, termios2 and winsize, ints and modem bits, read
// back after the call and set from odd values; the console's key entries, keycodes and
// repeat rates on a closed descriptor (read at entry only); NULL and unreadable pointers.
#include <asm/termbits.h>
#include <fcntl.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(void) {
	int pty = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	struct termios tios;
	struct termios2 tios2;
	struct termio tio;
	struct winsize ws = {.ws_row = 24, .ws_col = 80, .ws_xpixel = 640, .ws_ypixel = 480};
	int n = 1;

	// Filled by the call, then set again with odd bits; termio the same.
	ioctl(pty, TCGETS, &tios);
	tios.c_iflag |= IUTF8 | 0x8000;
	tios.c_oflag = NL1 | CR2 | TAB1 | BS1 | VT1 | FF1 | OPOST | 0x80000;
	tios.c_cflag = B9600 | (B57600 << IBSHIFT) | CS7 | CREAD | PARODD | 0x20000;
	tios.c_lflag = ISIG | ICANON | ECHO | EXTPROC;
	ioctl(pty, TCSETS, &tios);
	ioctl(pty, TCSETSW, &tios);
	ioctl(pty, TCGETS2, &tios2);
	ioctl(pty, TCSETS2, &tios2);
	ioctl(pty, TCGETA, &tio);
	ioctl(pty, TCSETAF, &tio);
	ioctl(pty, TIOCSWINSZ, &ws);
	ioctl(pty, TIOCGWINSZ, &ws);
	ioctl(pty, FIONREAD, &n);
	ioctl(pty, FIONBIO, &n);
	ioctl(pty, TIOCMGET, &n);
	n = TIOCM_DTR | TIOCM_RTS | 0x10000;
	ioctl(-1, TIOCMSET, &n);
	// Failed: a filled struct is a pointer, one read at entry is shown.
	ioctl(-1, TCGETS, &tios);
	ioctl(-1, TCSETSF, &tios);
	ioctl(-1, TCGETA, NULL);
	ioctl(-1, TIOCSLCKTRMIOS, NULL);
	ioctl(pty, TCSETS, (void *)8);

	// The console's, on no console.
	struct kbentry ent = {.kb_table = K_SHIFTTAB, .kb_index = 69, .kb_value = K_F2};
	ioctl(-1, KDGKBENT, &ent);
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_table = 1 << KG_ALT | 1 << KG_CTRLR;
	ent.kb_value = K(KT_LATIN, 'a');
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K(KT_META, '\t');
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K(KT_DEAD2, 0xff);
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K(KT_SLOCK, 9);
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K_CAPSSHIFT;
	ioctl(-1, KDSKBENT, &ent);
	struct kbkeycode code = {.scancode = 0xe0, .keycode = 0x1c};
	ioctl(-1, KDGETKEYCODE, &code);
	ioctl(-1, KDSETKEYCODE, &code);
	struct kbd_repeat rep = {.delay = 250, .period = -33};
	ioctl(-1, KDKBDREP, &rep);
	ioctl(-1, KDKBDREP, NULL);
	close(pty);
	return 0;
}
