import { createRequire as __ecCreateRequire } from 'node:module';
import { fileURLToPath as __ecFileURLToPath } from 'node:url';
import { dirname as __ecDirname } from 'node:path';
const require = __ecCreateRequire(import.meta.url);
const __filename = __ecFileURLToPath(import.meta.url);
const __dirname = __ecDirname(__filename);
import { parseArgs } from 'node:util';
import { stat, readdir, readFile } from 'node:fs/promises';
import { normalize as normalize$1, resolve, sep, join, dirname, basename, relative, isAbsolute } from 'node:path';
import require$$0$1 from 'fs';
import require$$1 from 'tty';
import require$$1$1 from 'util';
import require$$0 from 'os';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import require$$0$4, { readdirSync, statSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import require$$0$2 from 'process';
import require$$0$3 from 'buffer';
import require$$1$2 from 'node:crypto';

/** The levels of `fail-on`, lowest bar last. */
const FAIL_ON = ['error', 'warning', 'never'];
const DEFAULT_CONFIG = {
    paths: [],
    postgresVersion: 16,
    failOn: 'error',
    rules: {},
    placeholders: {},
    maxFileBytes: 5 * 1024 * 1024,
    source: null,
};
/** A configuration file that cannot be used; the message names the file, line and key. */
class ConfigError extends Error {
}

const t = /* @__PURE__ */ new WeakMap();
function c$1(...n) {
  const e = new String(n);
  return t.set(e, n), e;
}
function r(n) {
  return n instanceof String && t.has(n);
}
function o(n) {
  return t.get(n) ?? [];
}

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var dist$2 = {};

var src$1 = {};

var src = {exports: {}};

var browser = {exports: {}};

/**
 * Helpers.
 */

var ms$1;
var hasRequiredMs;

function requireMs () {
	if (hasRequiredMs) return ms$1;
	hasRequiredMs = 1;
	var s = 1000;
	var m = s * 60;
	var h = m * 60;
	var d = h * 24;
	var w = d * 7;
	var y = d * 365.25;

	/**
	 * Parse or format the given `val`.
	 *
	 * Options:
	 *
	 *  - `long` verbose formatting [false]
	 *
	 * @param {String|Number} val
	 * @param {Object} [options]
	 * @throws {Error} throw an error if val is not a non-empty string or a number
	 * @return {String|Number}
	 * @api public
	 */

	ms$1 = function (val, options) {
	  options = options || {};
	  var type = typeof val;
	  if (type === 'string' && val.length > 0) {
	    return parse(val);
	  } else if (type === 'number' && isFinite(val)) {
	    return options.long ? fmtLong(val) : fmtShort(val);
	  }
	  throw new Error(
	    'val is not a non-empty string or a valid number. val=' +
	      JSON.stringify(val)
	  );
	};

	/**
	 * Parse the given `str` and return milliseconds.
	 *
	 * @param {String} str
	 * @return {Number}
	 * @api private
	 */

	function parse(str) {
	  str = String(str);
	  if (str.length > 100) {
	    return;
	  }
	  var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
	    str
	  );
	  if (!match) {
	    return;
	  }
	  var n = parseFloat(match[1]);
	  var type = (match[2] || 'ms').toLowerCase();
	  switch (type) {
	    case 'years':
	    case 'year':
	    case 'yrs':
	    case 'yr':
	    case 'y':
	      return n * y;
	    case 'weeks':
	    case 'week':
	    case 'w':
	      return n * w;
	    case 'days':
	    case 'day':
	    case 'd':
	      return n * d;
	    case 'hours':
	    case 'hour':
	    case 'hrs':
	    case 'hr':
	    case 'h':
	      return n * h;
	    case 'minutes':
	    case 'minute':
	    case 'mins':
	    case 'min':
	    case 'm':
	      return n * m;
	    case 'seconds':
	    case 'second':
	    case 'secs':
	    case 'sec':
	    case 's':
	      return n * s;
	    case 'milliseconds':
	    case 'millisecond':
	    case 'msecs':
	    case 'msec':
	    case 'ms':
	      return n;
	    default:
	      return undefined;
	  }
	}

	/**
	 * Short format for `ms`.
	 *
	 * @param {Number} ms
	 * @return {String}
	 * @api private
	 */

	function fmtShort(ms) {
	  var msAbs = Math.abs(ms);
	  if (msAbs >= d) {
	    return Math.round(ms / d) + 'd';
	  }
	  if (msAbs >= h) {
	    return Math.round(ms / h) + 'h';
	  }
	  if (msAbs >= m) {
	    return Math.round(ms / m) + 'm';
	  }
	  if (msAbs >= s) {
	    return Math.round(ms / s) + 's';
	  }
	  return ms + 'ms';
	}

	/**
	 * Long format for `ms`.
	 *
	 * @param {Number} ms
	 * @return {String}
	 * @api private
	 */

	function fmtLong(ms) {
	  var msAbs = Math.abs(ms);
	  if (msAbs >= d) {
	    return plural(ms, msAbs, d, 'day');
	  }
	  if (msAbs >= h) {
	    return plural(ms, msAbs, h, 'hour');
	  }
	  if (msAbs >= m) {
	    return plural(ms, msAbs, m, 'minute');
	  }
	  if (msAbs >= s) {
	    return plural(ms, msAbs, s, 'second');
	  }
	  return ms + ' ms';
	}

	/**
	 * Pluralization helper.
	 */

	function plural(ms, msAbs, n, name) {
	  var isPlural = msAbs >= n * 1.5;
	  return Math.round(ms / n) + ' ' + name + (isPlural ? 's' : '');
	}
	return ms$1;
}

var common;
var hasRequiredCommon;

function requireCommon () {
	if (hasRequiredCommon) return common;
	hasRequiredCommon = 1;
	/**
	 * This is the common logic for both the Node.js and web browser
	 * implementations of `debug()`.
	 */

	function setup(env) {
		createDebug.debug = createDebug;
		createDebug.default = createDebug;
		createDebug.coerce = coerce;
		createDebug.disable = disable;
		createDebug.enable = enable;
		createDebug.enabled = enabled;
		createDebug.humanize = requireMs();
		createDebug.destroy = destroy;

		Object.keys(env).forEach(key => {
			createDebug[key] = env[key];
		});

		/**
		* The currently active debug mode names, and names to skip.
		*/

		createDebug.names = [];
		createDebug.skips = [];

		/**
		* Map of special "%n" handling functions, for the debug "format" argument.
		*
		* Valid key names are a single, lower or upper-case letter, i.e. "n" and "N".
		*/
		createDebug.formatters = {};

		/**
		* Selects a color for a debug namespace
		* @param {String} namespace The namespace string for the debug instance to be colored
		* @return {Number|String} An ANSI color code for the given namespace
		* @api private
		*/
		function selectColor(namespace) {
			let hash = 0;

			for (let i = 0; i < namespace.length; i++) {
				hash = ((hash << 5) - hash) + namespace.charCodeAt(i);
				hash |= 0; // Convert to 32bit integer
			}

			return createDebug.colors[Math.abs(hash) % createDebug.colors.length];
		}
		createDebug.selectColor = selectColor;

		/**
		* Create a debugger with the given `namespace`.
		*
		* @param {String} namespace
		* @return {Function}
		* @api public
		*/
		function createDebug(namespace) {
			let prevTime;
			let enableOverride = null;
			let namespacesCache;
			let enabledCache;

			function debug(...args) {
				// Disabled?
				if (!debug.enabled) {
					return;
				}

				const self = debug;

				// Set `diff` timestamp
				const curr = Number(new Date());
				const ms = curr - (prevTime || curr);
				self.diff = ms;
				self.prev = prevTime;
				self.curr = curr;
				prevTime = curr;

				args[0] = createDebug.coerce(args[0]);

				if (typeof args[0] !== 'string') {
					// Anything else let's inspect with %O
					args.unshift('%O');
				}

				// Apply any `formatters` transformations
				let index = 0;
				args[0] = args[0].replace(/%([a-zA-Z%])/g, (match, format) => {
					// If we encounter an escaped % then don't increase the array index
					if (match === '%%') {
						return '%';
					}
					index++;
					const formatter = createDebug.formatters[format];
					if (typeof formatter === 'function') {
						const val = args[index];
						match = formatter.call(self, val);

						// Now we need to remove `args[index]` since it's inlined in the `format`
						args.splice(index, 1);
						index--;
					}
					return match;
				});

				// Apply env-specific formatting (colors, etc.)
				createDebug.formatArgs.call(self, args);

				const logFn = self.log || createDebug.log;
				logFn.apply(self, args);
			}

			debug.namespace = namespace;
			debug.useColors = createDebug.useColors();
			debug.color = createDebug.selectColor(namespace);
			debug.extend = extend;
			debug.destroy = createDebug.destroy; // XXX Temporary. Will be removed in the next major release.

			Object.defineProperty(debug, 'enabled', {
				enumerable: true,
				configurable: false,
				get: () => {
					if (enableOverride !== null) {
						return enableOverride;
					}
					if (namespacesCache !== createDebug.namespaces) {
						namespacesCache = createDebug.namespaces;
						enabledCache = createDebug.enabled(namespace);
					}

					return enabledCache;
				},
				set: v => {
					enableOverride = v;
				}
			});

			// Env-specific initialization logic for debug instances
			if (typeof createDebug.init === 'function') {
				createDebug.init(debug);
			}

			return debug;
		}

		function extend(namespace, delimiter) {
			const newDebug = createDebug(this.namespace + (typeof delimiter === 'undefined' ? ':' : delimiter) + namespace);
			newDebug.log = this.log;
			return newDebug;
		}

		/**
		* Enables a debug mode by namespaces. This can include modes
		* separated by a colon and wildcards.
		*
		* @param {String} namespaces
		* @api public
		*/
		function enable(namespaces) {
			createDebug.save(namespaces);
			createDebug.namespaces = namespaces;

			createDebug.names = [];
			createDebug.skips = [];

			const split = (typeof namespaces === 'string' ? namespaces : '')
				.trim()
				.replace(/\s+/g, ',')
				.split(',')
				.filter(Boolean);

			for (const ns of split) {
				if (ns[0] === '-') {
					createDebug.skips.push(ns.slice(1));
				} else {
					createDebug.names.push(ns);
				}
			}
		}

		/**
		 * Checks if the given string matches a namespace template, honoring
		 * asterisks as wildcards.
		 *
		 * @param {String} search
		 * @param {String} template
		 * @return {Boolean}
		 */
		function matchesTemplate(search, template) {
			let searchIndex = 0;
			let templateIndex = 0;
			let starIndex = -1;
			let matchIndex = 0;

			while (searchIndex < search.length) {
				if (templateIndex < template.length && (template[templateIndex] === search[searchIndex] || template[templateIndex] === '*')) {
					// Match character or proceed with wildcard
					if (template[templateIndex] === '*') {
						starIndex = templateIndex;
						matchIndex = searchIndex;
						templateIndex++; // Skip the '*'
					} else {
						searchIndex++;
						templateIndex++;
					}
				} else if (starIndex !== -1) { // eslint-disable-line no-negated-condition
					// Backtrack to the last '*' and try to match more characters
					templateIndex = starIndex + 1;
					matchIndex++;
					searchIndex = matchIndex;
				} else {
					return false; // No match
				}
			}

			// Handle trailing '*' in template
			while (templateIndex < template.length && template[templateIndex] === '*') {
				templateIndex++;
			}

			return templateIndex === template.length;
		}

		/**
		* Disable debug output.
		*
		* @return {String} namespaces
		* @api public
		*/
		function disable() {
			const namespaces = [
				...createDebug.names,
				...createDebug.skips.map(namespace => '-' + namespace)
			].join(',');
			createDebug.enable('');
			return namespaces;
		}

		/**
		* Returns true if the given mode name is enabled, false otherwise.
		*
		* @param {String} name
		* @return {Boolean}
		* @api public
		*/
		function enabled(name) {
			for (const skip of createDebug.skips) {
				if (matchesTemplate(name, skip)) {
					return false;
				}
			}

			for (const ns of createDebug.names) {
				if (matchesTemplate(name, ns)) {
					return true;
				}
			}

			return false;
		}

		/**
		* Coerce `val`.
		*
		* @param {Mixed} val
		* @return {Mixed}
		* @api private
		*/
		function coerce(val) {
			if (val instanceof Error) {
				return val.stack || val.message;
			}
			return val;
		}

		/**
		* XXX DO NOT USE. This is a temporary stub function.
		* XXX It WILL be removed in the next major release.
		*/
		function destroy() {
			console.warn('Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.');
		}

		createDebug.enable(createDebug.load());

		return createDebug;
	}

	common = setup;
	return common;
}

/* eslint-env browser */

var hasRequiredBrowser;

function requireBrowser () {
	if (hasRequiredBrowser) return browser.exports;
	hasRequiredBrowser = 1;
	(function (module, exports) {
		/**
		 * This is the web browser implementation of `debug()`.
		 */

		exports.formatArgs = formatArgs;
		exports.save = save;
		exports.load = load;
		exports.useColors = useColors;
		exports.storage = localstorage();
		exports.destroy = (() => {
			let warned = false;

			return () => {
				if (!warned) {
					warned = true;
					console.warn('Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.');
				}
			};
		})();

		/**
		 * Colors.
		 */

		exports.colors = [
			'#0000CC',
			'#0000FF',
			'#0033CC',
			'#0033FF',
			'#0066CC',
			'#0066FF',
			'#0099CC',
			'#0099FF',
			'#00CC00',
			'#00CC33',
			'#00CC66',
			'#00CC99',
			'#00CCCC',
			'#00CCFF',
			'#3300CC',
			'#3300FF',
			'#3333CC',
			'#3333FF',
			'#3366CC',
			'#3366FF',
			'#3399CC',
			'#3399FF',
			'#33CC00',
			'#33CC33',
			'#33CC66',
			'#33CC99',
			'#33CCCC',
			'#33CCFF',
			'#6600CC',
			'#6600FF',
			'#6633CC',
			'#6633FF',
			'#66CC00',
			'#66CC33',
			'#9900CC',
			'#9900FF',
			'#9933CC',
			'#9933FF',
			'#99CC00',
			'#99CC33',
			'#CC0000',
			'#CC0033',
			'#CC0066',
			'#CC0099',
			'#CC00CC',
			'#CC00FF',
			'#CC3300',
			'#CC3333',
			'#CC3366',
			'#CC3399',
			'#CC33CC',
			'#CC33FF',
			'#CC6600',
			'#CC6633',
			'#CC9900',
			'#CC9933',
			'#CCCC00',
			'#CCCC33',
			'#FF0000',
			'#FF0033',
			'#FF0066',
			'#FF0099',
			'#FF00CC',
			'#FF00FF',
			'#FF3300',
			'#FF3333',
			'#FF3366',
			'#FF3399',
			'#FF33CC',
			'#FF33FF',
			'#FF6600',
			'#FF6633',
			'#FF9900',
			'#FF9933',
			'#FFCC00',
			'#FFCC33'
		];

		/**
		 * Currently only WebKit-based Web Inspectors, Firefox >= v31,
		 * and the Firebug extension (any Firefox version) are known
		 * to support "%c" CSS customizations.
		 *
		 * TODO: add a `localStorage` variable to explicitly enable/disable colors
		 */

		// eslint-disable-next-line complexity
		function useColors() {
			// NB: In an Electron preload script, document will be defined but not fully
			// initialized. Since we know we're in Chrome, we'll just detect this case
			// explicitly
			if (typeof window !== 'undefined' && window.process && (window.process.type === 'renderer' || window.process.__nwjs)) {
				return true;
			}

			// Internet Explorer and Edge do not support colors.
			if (typeof navigator !== 'undefined' && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) {
				return false;
			}

			let m;

			// Is webkit? http://stackoverflow.com/a/16459606/376773
			// document is undefined in react-native: https://github.com/facebook/react-native/pull/1632
			// eslint-disable-next-line no-return-assign
			return (typeof document !== 'undefined' && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance) ||
				// Is firebug? http://stackoverflow.com/a/398120/376773
				(typeof window !== 'undefined' && window.console && (window.console.firebug || (window.console.exception && window.console.table))) ||
				// Is firefox >= v31?
				// https://developer.mozilla.org/en-US/docs/Tools/Web_Console#Styling_messages
				(typeof navigator !== 'undefined' && navigator.userAgent && (m = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(m[1], 10) >= 31) ||
				// Double check webkit in userAgent just in case we are in a worker
				(typeof navigator !== 'undefined' && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/));
		}

		/**
		 * Colorize log arguments if enabled.
		 *
		 * @api public
		 */

		function formatArgs(args) {
			args[0] = (this.useColors ? '%c' : '') +
				this.namespace +
				(this.useColors ? ' %c' : ' ') +
				args[0] +
				(this.useColors ? '%c ' : ' ') +
				'+' + module.exports.humanize(this.diff);

			if (!this.useColors) {
				return;
			}

			const c = 'color: ' + this.color;
			args.splice(1, 0, c, 'color: inherit');

			// The final "%c" is somewhat tricky, because there could be other
			// arguments passed either before or after the %c, so we need to
			// figure out the correct index to insert the CSS into
			let index = 0;
			let lastC = 0;
			args[0].replace(/%[a-zA-Z%]/g, match => {
				if (match === '%%') {
					return;
				}
				index++;
				if (match === '%c') {
					// We only are interested in the *last* %c
					// (the user may have provided their own)
					lastC = index;
				}
			});

			args.splice(lastC, 0, c);
		}

		/**
		 * Invokes `console.debug()` when available.
		 * No-op when `console.debug` is not a "function".
		 * If `console.debug` is not available, falls back
		 * to `console.log`.
		 *
		 * @api public
		 */
		exports.log = console.debug || console.log || (() => {});

		/**
		 * Save `namespaces`.
		 *
		 * @param {String} namespaces
		 * @api private
		 */
		function save(namespaces) {
			try {
				if (namespaces) {
					exports.storage.setItem('debug', namespaces);
				} else {
					exports.storage.removeItem('debug');
				}
			} catch (error) {
				// Swallow
				// XXX (@Qix-) should we be logging these?
			}
		}

		/**
		 * Load `namespaces`.
		 *
		 * @return {String} returns the previously persisted debug modes
		 * @api private
		 */
		function load() {
			let r;
			try {
				r = exports.storage.getItem('debug') || exports.storage.getItem('DEBUG') ;
			} catch (error) {
				// Swallow
				// XXX (@Qix-) should we be logging these?
			}

			// If debug isn't set in LS, and we're in Electron, try to load $DEBUG
			if (!r && typeof process !== 'undefined' && 'env' in process) {
				r = process.env.DEBUG;
			}

			return r;
		}

		/**
		 * Localstorage attempts to return the localstorage.
		 *
		 * This is necessary because safari throws
		 * when a user disables cookies/localstorage
		 * and you attempt to access it.
		 *
		 * @return {LocalStorage}
		 * @api private
		 */

		function localstorage() {
			try {
				// TVMLKit (Apple TV JS Runtime) does not have a window object, just localStorage in the global context
				// The Browser also has localStorage in the global context.
				return localStorage;
			} catch (error) {
				// Swallow
				// XXX (@Qix-) should we be logging these?
			}
		}

		module.exports = requireCommon()(exports);

		const {formatters} = module.exports;

		/**
		 * Map %j to `JSON.stringify()`, since no Web Inspectors do that by default.
		 */

		formatters.j = function (v) {
			try {
				return JSON.stringify(v);
			} catch (error) {
				return '[UnexpectedJSONParseError]: ' + error.message;
			}
		}; 
	} (browser, browser.exports));
	return browser.exports;
}

var node = {exports: {}};

var hasFlag;
var hasRequiredHasFlag;

function requireHasFlag () {
	if (hasRequiredHasFlag) return hasFlag;
	hasRequiredHasFlag = 1;

	hasFlag = (flag, argv = process.argv) => {
		const prefix = flag.startsWith('-') ? '' : (flag.length === 1 ? '-' : '--');
		const position = argv.indexOf(prefix + flag);
		const terminatorPosition = argv.indexOf('--');
		return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
	};
	return hasFlag;
}

var supportsColor_1;
var hasRequiredSupportsColor;

function requireSupportsColor () {
	if (hasRequiredSupportsColor) return supportsColor_1;
	hasRequiredSupportsColor = 1;
	const os = require$$0;
	const tty = require$$1;
	const hasFlag = requireHasFlag();

	const {env} = process;

	let forceColor;
	if (hasFlag('no-color') ||
		hasFlag('no-colors') ||
		hasFlag('color=false') ||
		hasFlag('color=never')) {
		forceColor = 0;
	} else if (hasFlag('color') ||
		hasFlag('colors') ||
		hasFlag('color=true') ||
		hasFlag('color=always')) {
		forceColor = 1;
	}

	if ('FORCE_COLOR' in env) {
		if (env.FORCE_COLOR === 'true') {
			forceColor = 1;
		} else if (env.FORCE_COLOR === 'false') {
			forceColor = 0;
		} else {
			forceColor = env.FORCE_COLOR.length === 0 ? 1 : Math.min(parseInt(env.FORCE_COLOR, 10), 3);
		}
	}

	function translateLevel(level) {
		if (level === 0) {
			return false;
		}

		return {
			level,
			hasBasic: true,
			has256: level >= 2,
			has16m: level >= 3
		};
	}

	function supportsColor(haveStream, streamIsTTY) {
		if (forceColor === 0) {
			return 0;
		}

		if (hasFlag('color=16m') ||
			hasFlag('color=full') ||
			hasFlag('color=truecolor')) {
			return 3;
		}

		if (hasFlag('color=256')) {
			return 2;
		}

		if (haveStream && !streamIsTTY && forceColor === undefined) {
			return 0;
		}

		const min = forceColor || 0;

		if (env.TERM === 'dumb') {
			return min;
		}

		if (process.platform === 'win32') {
			// Windows 10 build 10586 is the first Windows release that supports 256 colors.
			// Windows 10 build 14931 is the first release that supports 16m/TrueColor.
			const osRelease = os.release().split('.');
			if (
				Number(osRelease[0]) >= 10 &&
				Number(osRelease[2]) >= 10586
			) {
				return Number(osRelease[2]) >= 14931 ? 3 : 2;
			}

			return 1;
		}

		if ('CI' in env) {
			if (['TRAVIS', 'CIRCLECI', 'APPVEYOR', 'GITLAB_CI', 'GITHUB_ACTIONS', 'BUILDKITE'].some(sign => sign in env) || env.CI_NAME === 'codeship') {
				return 1;
			}

			return min;
		}

		if ('TEAMCITY_VERSION' in env) {
			return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
		}

		if (env.COLORTERM === 'truecolor') {
			return 3;
		}

		if ('TERM_PROGRAM' in env) {
			const version = parseInt((env.TERM_PROGRAM_VERSION || '').split('.')[0], 10);

			switch (env.TERM_PROGRAM) {
				case 'iTerm.app':
					return version >= 3 ? 3 : 2;
				case 'Apple_Terminal':
					return 2;
				// No default
			}
		}

		if (/-256(color)?$/i.test(env.TERM)) {
			return 2;
		}

		if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
			return 1;
		}

		if ('COLORTERM' in env) {
			return 1;
		}

		return min;
	}

	function getSupportLevel(stream) {
		const level = supportsColor(stream, stream && stream.isTTY);
		return translateLevel(level);
	}

	supportsColor_1 = {
		supportsColor: getSupportLevel,
		stdout: translateLevel(supportsColor(true, tty.isatty(1))),
		stderr: translateLevel(supportsColor(true, tty.isatty(2)))
	};
	return supportsColor_1;
}

/**
 * Module dependencies.
 */

var hasRequiredNode$1;

function requireNode$1 () {
	if (hasRequiredNode$1) return node.exports;
	hasRequiredNode$1 = 1;
	(function (module, exports) {
		const tty = require$$1;
		const util = require$$1$1;

		/**
		 * This is the Node.js implementation of `debug()`.
		 */

		exports.init = init;
		exports.log = log;
		exports.formatArgs = formatArgs;
		exports.save = save;
		exports.load = load;
		exports.useColors = useColors;
		exports.destroy = util.deprecate(
			() => {},
			'Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.'
		);

		/**
		 * Colors.
		 */

		exports.colors = [6, 2, 3, 4, 5, 1];

		try {
			// Optional dependency (as in, doesn't need to be installed, NOT like optionalDependencies in package.json)
			// eslint-disable-next-line import/no-extraneous-dependencies
			const supportsColor = requireSupportsColor();

			if (supportsColor && (supportsColor.stderr || supportsColor).level >= 2) {
				exports.colors = [
					20,
					21,
					26,
					27,
					32,
					33,
					38,
					39,
					40,
					41,
					42,
					43,
					44,
					45,
					56,
					57,
					62,
					63,
					68,
					69,
					74,
					75,
					76,
					77,
					78,
					79,
					80,
					81,
					92,
					93,
					98,
					99,
					112,
					113,
					128,
					129,
					134,
					135,
					148,
					149,
					160,
					161,
					162,
					163,
					164,
					165,
					166,
					167,
					168,
					169,
					170,
					171,
					172,
					173,
					178,
					179,
					184,
					185,
					196,
					197,
					198,
					199,
					200,
					201,
					202,
					203,
					204,
					205,
					206,
					207,
					208,
					209,
					214,
					215,
					220,
					221
				];
			}
		} catch (error) {
			// Swallow - we only care if `supports-color` is available; it doesn't have to be.
		}

		/**
		 * Build up the default `inspectOpts` object from the environment variables.
		 *
		 *   $ DEBUG_COLORS=no DEBUG_DEPTH=10 DEBUG_SHOW_HIDDEN=enabled node script.js
		 */

		exports.inspectOpts = Object.keys(process.env).filter(key => {
			return /^debug_/i.test(key);
		}).reduce((obj, key) => {
			// Camel-case
			const prop = key
				.substring(6)
				.toLowerCase()
				.replace(/_([a-z])/g, (_, k) => {
					return k.toUpperCase();
				});

			// Coerce string value into JS value
			let val = process.env[key];
			if (/^(yes|on|true|enabled)$/i.test(val)) {
				val = true;
			} else if (/^(no|off|false|disabled)$/i.test(val)) {
				val = false;
			} else if (val === 'null') {
				val = null;
			} else {
				val = Number(val);
			}

			obj[prop] = val;
			return obj;
		}, {});

		/**
		 * Is stdout a TTY? Colored output is enabled when `true`.
		 */

		function useColors() {
			return 'colors' in exports.inspectOpts ?
				Boolean(exports.inspectOpts.colors) :
				tty.isatty(process.stderr.fd);
		}

		/**
		 * Adds ANSI color escape codes if enabled.
		 *
		 * @api public
		 */

		function formatArgs(args) {
			const {namespace: name, useColors} = this;

			if (useColors) {
				const c = this.color;
				const colorCode = '\u001B[3' + (c < 8 ? c : '8;5;' + c);
				const prefix = `  ${colorCode};1m${name} \u001B[0m`;

				args[0] = prefix + args[0].split('\n').join('\n' + prefix);
				args.push(colorCode + 'm+' + module.exports.humanize(this.diff) + '\u001B[0m');
			} else {
				args[0] = getDate() + name + ' ' + args[0];
			}
		}

		function getDate() {
			if (exports.inspectOpts.hideDate) {
				return '';
			}
			return new Date().toISOString() + ' ';
		}

		/**
		 * Invokes `util.formatWithOptions()` with the specified arguments and writes to stderr.
		 */

		function log(...args) {
			return process.stderr.write(util.formatWithOptions(exports.inspectOpts, ...args) + '\n');
		}

		/**
		 * Save `namespaces`.
		 *
		 * @param {String} namespaces
		 * @api private
		 */
		function save(namespaces) {
			if (namespaces) {
				process.env.DEBUG = namespaces;
			} else {
				// If you set a process.env field to null or undefined, it gets cast to the
				// string 'null' or 'undefined'. Just delete instead.
				delete process.env.DEBUG;
			}
		}

		/**
		 * Load `namespaces`.
		 *
		 * @return {String} returns the previously persisted debug modes
		 * @api private
		 */

		function load() {
			return process.env.DEBUG;
		}

		/**
		 * Init logic for `debug` instances.
		 *
		 * Create a new `inspectOpts` object in case `useColors` is set
		 * differently for a particular `debug` instance.
		 */

		function init(debug) {
			debug.inspectOpts = {};

			const keys = Object.keys(exports.inspectOpts);
			for (let i = 0; i < keys.length; i++) {
				debug.inspectOpts[keys[i]] = exports.inspectOpts[keys[i]];
			}
		}

		module.exports = requireCommon()(exports);

		const {formatters} = module.exports;

		/**
		 * Map %o to `util.inspect()`, all on a single line.
		 */

		formatters.o = function (v) {
			this.inspectOpts.colors = this.useColors;
			return util.inspect(v, this.inspectOpts)
				.split('\n')
				.map(str => str.trim())
				.join(' ');
		};

		/**
		 * Map %O to `util.inspect()`, allowing multiple lines if needed.
		 */

		formatters.O = function (v) {
			this.inspectOpts.colors = this.useColors;
			return util.inspect(v, this.inspectOpts);
		}; 
	} (node, node.exports));
	return node.exports;
}

/**
 * Detect Electron renderer / nwjs process, which is node, but we should
 * treat as a browser.
 */

var hasRequiredSrc$1;

function requireSrc$1 () {
	if (hasRequiredSrc$1) return src.exports;
	hasRequiredSrc$1 = 1;
	if (typeof process === 'undefined' || process.type === 'renderer' || process.browser === true || process.__nwjs) {
		src.exports = requireBrowser();
	} else {
		src.exports = requireNode$1();
	}
	return src.exports;
}

var hasRequiredSrc;

function requireSrc () {
	if (hasRequiredSrc) return src$1;
	hasRequiredSrc = 1;
	(function (exports) {
		var __importDefault = (src$1 && src$1.__importDefault) || function (mod) {
		    return (mod && mod.__esModule) ? mod : { "default": mod };
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		const fs_1 = require$$0$1;
		const debug_1 = __importDefault(requireSrc$1());
		const log = debug_1.default('@kwsites/file-exists');
		function check(path, isFile, isDirectory) {
		    log(`checking %s`, path);
		    try {
		        const stat = fs_1.statSync(path);
		        if (stat.isFile() && isFile) {
		            log(`[OK] path represents a file`);
		            return true;
		        }
		        if (stat.isDirectory() && isDirectory) {
		            log(`[OK] path represents a directory`);
		            return true;
		        }
		        log(`[FAIL] path represents something other than a file or directory`);
		        return false;
		    }
		    catch (e) {
		        if (e.code === 'ENOENT') {
		            log(`[FAIL] path is not accessible: %o`, e);
		            return false;
		        }
		        log(`[FATAL] %o`, e);
		        throw e;
		    }
		}
		/**
		 * Synchronous validation of a path existing either as a file or as a directory.
		 *
		 * @param {string} path The path to check
		 * @param {number} type One or both of the exported numeric constants
		 */
		function exists(path, type = exports.READABLE) {
		    return check(path, (type & exports.FILE) > 0, (type & exports.FOLDER) > 0);
		}
		exports.exists = exists;
		/**
		 * Constant representing a file
		 */
		exports.FILE = 1;
		/**
		 * Constant representing a folder
		 */
		exports.FOLDER = 2;
		/**
		 * Constant representing either a file or a folder
		 */
		exports.READABLE = exports.FILE + exports.FOLDER;
		
	} (src$1));
	return src$1;
}

var hasRequiredDist$2;

function requireDist$2 () {
	if (hasRequiredDist$2) return dist$2;
	hasRequiredDist$2 = 1;
	(function (exports) {
		function __export(m) {
		    for (var p in m) if (!exports.hasOwnProperty(p)) exports[p] = m[p];
		}
		Object.defineProperty(exports, "__esModule", { value: true });
		__export(requireSrc());
		
	} (dist$2));
	return dist$2;
}

var distExports$2 = requireDist$2();

var srcExports = requireSrc$1();
var it = /*@__PURE__*/getDefaultExportFromCjs(srcExports);

var dist$1 = {};

var hasRequiredDist$1;

function requireDist$1 () {
	if (hasRequiredDist$1) return dist$1;
	hasRequiredDist$1 = 1;
	Object.defineProperty(dist$1, "__esModule", { value: true });
	dist$1.createDeferred = dist$1.deferred = void 0;
	/**
	 * Creates a new `DeferredPromise`
	 *
	 * ```typescript
	 import {deferred} from '@kwsites/promise-deferred`;
	 ```
	 */
	function deferred() {
	    let done;
	    let fail;
	    let status = 'pending';
	    const promise = new Promise((_done, _fail) => {
	        done = _done;
	        fail = _fail;
	    });
	    return {
	        promise,
	        done(result) {
	            if (status === 'pending') {
	                status = 'resolved';
	                done(result);
	            }
	        },
	        fail(error) {
	            if (status === 'pending') {
	                status = 'rejected';
	                fail(error);
	            }
	        },
	        get fulfilled() {
	            return status !== 'pending';
	        },
	        get status() {
	            return status;
	        },
	    };
	}
	dist$1.deferred = deferred;
	/**
	 * Alias of the exported `deferred` function, to help consumers wanting to use `deferred` as the
	 * local variable name rather than the factory import name, without needing to rename on import.
	 *
	 * ```typescript
	 import {createDeferred} from '@kwsites/promise-deferred`;
	 ```
	 */
	dist$1.createDeferred = deferred;
	/**
	 * Default export allows use as:
	 *
	 * ```typescript
	 import deferred from '@kwsites/promise-deferred`;
	 ```
	 */
	dist$1.default = deferred;
	
	return dist$1;
}

var distExports$1 = requireDist$1();

function* x$1(e, n) {
  const t = n === "global";
  for (const o of e)
    o.isGlobal === t && (yield o);
}
const P = /* @__PURE__ */ new Set([
  "--add",
  "--edit",
  "--remove-section",
  "--rename-section",
  "--replace-all",
  "--unset",
  "--unset-all",
  "-e"
]), S$1 = /* @__PURE__ */ new Set([
  "--get",
  "--get-all",
  "--get-color",
  "--get-colorbool",
  "--get-regexp",
  "--get-urlmatch",
  "--list",
  "-l"
]), E$1 = /* @__PURE__ */ new Set([
  "edit",
  "remove-section",
  "rename-section",
  "set",
  "unset"
]), F$1 = /* @__PURE__ */ new Set(["get", "get-color", "get-colorbool", "list"]);
function A$1(e, n) {
  for (const { name: o } of x$1(e, "task")) {
    if (P.has(o))
      return w(true, n);
    if (S$1.has(o))
      return w(false, n);
  }
  const t = n.at(0)?.toLowerCase();
  return t === void 0 ? null : E$1.has(t) ? w(true, n.slice(1)) : F$1.has(t) ? w(false, n.slice(1)) : n.length === 1 ? w(false, n) : w(true, n);
}
function w(e = false, n = []) {
  const t = n.at(0)?.toLowerCase();
  return t === void 0 ? null : {
    isWrite: e,
    isRead: !e,
    key: t,
    value: n.at(1)
  };
}
function O$1(e, n) {
  return n.isWrite && n.value !== void 0 ? { key: n.key, value: n.value, scope: e } : { key: n.key, scope: e };
}
function G$1(e) {
  const n = e?.indexOf("=") || -1;
  return !e || n < 0 ? null : {
    key: e.slice(0, n).trim().toLowerCase(),
    value: e.slice(n + 1)
  };
}
function M$1(e) {
  for (const { name: n } of x$1(e, "task"))
    switch (n) {
      case "--global":
        return "global";
      case "--system":
        return "system";
      case "--worktree":
        return "worktree";
      case "--local":
        return "local";
      case "--file":
      case "-f":
        return "file";
    }
  return "local";
}
function N$1({ name: e }) {
  if (e === "-c" || e === "--config")
    return "inline";
  if (e === "--config-env")
    return "env";
}
function* $$1(e) {
  for (const n of e) {
    const t = N$1(n), o = t && G$1(n.value);
    o && (yield {
      ...o,
      scope: t
    });
  }
}
function D(e, n, t) {
  const o = {
    read: [],
    write: [...$$1(n)]
  };
  return e === "config" && L$1(
    o,
    M$1(n),
    A$1(n, t)
  ), o;
}
function L$1(e, n, t) {
  if (t === null)
    return;
  const o = O$1(n, t);
  t.isWrite ? e.write.push(o) : e.read.push(o);
}
const C = {
  short: /* @__PURE__ */ new Map([
    ["c", true]
    //  -c <k=v>    set config key for this invocation
  ])
}, I$1 = {
  short: new Map([
    ["C", true],
    //  -C <path>   change working directory
    ["P", false],
    // -P          no pager (alias for --no-pager)
    ["h", false],
    // -h          help
    ["p", false],
    // -p          paginate
    ["v", false],
    // -v          version
    ...C.short.entries()
  ]),
  long: /* @__PURE__ */ new Set([
    "attr-source",
    "config-env",
    "exec-path",
    "git-dir",
    "list-cmds",
    "namespace",
    "super-prefix",
    "work-tree"
  ])
}, R$1 = {
  clone: {
    short: /* @__PURE__ */ new Map([
      ["b", true],
      // -b <branch>
      ["j", true],
      // -j <n>          parallel jobs
      ["l", false],
      // -l local
      ["n", false],
      // -n no-checkout
      ["o", true],
      // -o <name>       remote name
      ["q", false],
      // -q quiet
      ["s", false],
      // -s shared
      ["u", true]
      // -u <upload-pack>
    ]),
    long: /* @__PURE__ */ new Set(["branch", "config", "jobs", "origin", "upload-pack", "u", "template"])
  },
  commit: {
    short: /* @__PURE__ */ new Map([
      ["C", true],
      // -C <commit>  reuse message
      ["F", true],
      // -F <file>    read message from file
      ["c", true],
      // -c <commit>  reedit message
      ["m", true],
      // -m <msg>
      ["t", true]
      // -t <template>
    ]),
    long: /* @__PURE__ */ new Set(["file", "message", "reedit-message", "reuse-message", "template"])
  },
  config: {
    short: /* @__PURE__ */ new Map([
      ["e", false],
      // -e  open editor
      ["f", true],
      //  -f <file>
      ["l", false]
      // -l  list
    ]),
    long: /* @__PURE__ */ new Set(["blob", "comment", "default", "file", "type", "value"])
  },
  fetch: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["upload-pack"])
  },
  init: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["template"])
  },
  pull: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["upload-pack"])
  },
  push: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["exec", "receive-pack"])
  },
  rebase: {
    short: /* @__PURE__ */ new Map([
      ["X", true],
      // -X <option>   strategy option
      ["f", false],
      // -f force-rebase
      ["i", false],
      // -i interactive
      ["k", false],
      // -k keep-base
      ["m", false],
      // -m merge
      ["n", false],
      // -n no-stat
      ["q", false],
      // -q quiet
      ["r", false],
      // -r rebase-merges
      ["s", true],
      // -s <strategy>
      ["v", false],
      // -v verbose
      ["x", true]
      // -x <cmd>      exec
    ]),
    long: /* @__PURE__ */ new Set(["exec", "onto", "strategy", "strategy-option"])
  }
}, T = { short: /* @__PURE__ */ new Map(), long: /* @__PURE__ */ new Set() };
function B$1(e) {
  const n = R$1[e ?? ""] ?? T;
  return {
    short: new Map([...C.short.entries(), ...n.short.entries()]),
    long: n.long
  };
}
function b$1(e, n = I$1) {
  if (e.startsWith("--")) {
    const t = e.indexOf("=");
    if (t > 2)
      return [{ name: e.slice(0, t), value: e.slice(t + 1), needsNext: false }];
    const o = e.slice(2);
    return [{ name: e, needsNext: n.long.has(o) }];
  }
  if (e.length === 2) {
    const t = e.charAt(1), o = n.short.get(t);
    return [{ name: e, needsNext: o === true }];
  }
  return j$1(e, n.short);
}
function j$1(e, n) {
  const t = e.slice(1).split(""), o = [];
  for (let a = 0; a < t.length; a++) {
    const s = t[a], r = n.get(s);
    if (r === void 0)
      return [{ name: e, needsNext: false }];
    if (r) {
      const i = t.slice(a + 1).join("");
      if (i && ![...i].every((m) => n.has(m)))
        return o.push({ name: `-${s}`, value: i, needsNext: false }), o;
    }
    o.push({ name: `-${s}`, needsNext: r });
  }
  return o;
}
function W$1(e, n = []) {
  let t = 0;
  for (; t < e.length; ) {
    const o = String(e[t]);
    if (!o.startsWith("-") || o.length < 2) break;
    const a = b$1(o);
    let s = t + 1;
    for (const r of a) {
      const i = {
        name: r.name,
        value: r.value,
        absorbedNext: false,
        isGlobal: true
      };
      r.needsNext && i.value === void 0 && s < e.length && (i.value = String(e[s]), i.absorbedNext = true, s++), n.push(i);
    }
    t = s;
  }
  return { flags: n, taskIndex: t };
}
function V$1(e, n, t = []) {
  const o$1 = B$1(n), a = [], s = [];
  let r$1 = 0;
  for (; r$1 < e.length; ) {
    const i = e[r$1];
    if (r(i)) {
      s.push(...o(i)), r$1++;
      continue;
    }
    const p = String(i);
    if (p === "--") {
      for (let d = r$1 + 1; d < e.length; d++) {
        const g = e[d];
        r(g) ? s.push(...o(g)) : s.push(String(g));
      }
      break;
    }
    if (!p.startsWith("-") || p.length < 2) {
      a.push(p), r$1++;
      continue;
    }
    const m = b$1(p, o$1);
    let u = r$1 + 1;
    for (const d of m) {
      const g = {
        name: d.name,
        value: d.value,
        absorbedNext: false,
        isGlobal: false
      };
      d.needsNext && g.value === void 0 && u < e.length && !r(e[u]) && (g.value = String(e[u]), g.absorbedNext = true, u++), t.push(g);
    }
    r$1 = u;
  }
  return { flags: t, positionals: a, pathspecs: s };
}
function* q$1({
  write: e
}) {
  for (const n of e)
    for (const t of K$1) {
      const o = t(n.key);
      o && (yield o);
    }
}
function f$1(e, n, t = String(e)) {
  const o = typeof e == "string" ? new RegExp(`\\s*${e.toLowerCase()}`) : e;
  return function(s) {
    if (o.test(s))
      return {
        category: n,
        message: `Configuring ${t} is not permitted without enabling ${n}`
      };
  };
}
function l$1(e, n) {
  const t = new RegExp(`\\s*${e.toLowerCase().replace(/\./g, "(..+)?.")}`);
  return f$1(t, n, e);
}
const K$1 = [
  f$1("alias", "allowUnsafeAlias"),
  f$1("core.askPass", "allowUnsafeAskPass"),
  f$1("core.editor", "allowUnsafeEditor"),
  f$1("core.fsmonitor", "allowUnsafeFsMonitor"),
  f$1("core.gitProxy", "allowUnsafeGitProxy"),
  f$1("core.hooksPath", "allowUnsafeHooksPath"),
  f$1("core.pager", "allowUnsafePager"),
  f$1("core.sshCommand", "allowUnsafeSshCommand"),
  l$1("credential.helper", "allowUnsafeCredentialHelper"),
  l$1("diff.command", "allowUnsafeDiffExternal"),
  f$1("diff.external", "allowUnsafeDiffExternal"),
  l$1("difftool.cmd", "allowUnsafeDiffExternal"),
  l$1("diff.textconv", "allowUnsafeDiffTextConv"),
  l$1("filter.clean", "allowUnsafeFilter"),
  l$1("filter.process", "allowUnsafeFilter"),
  l$1("filter.smudge", "allowUnsafeFilter"),
  l$1("gpg.program", "allowUnsafeGpgProgram"),
  f$1("include.path", "allowUnsafeInclude"),
  l$1("includeIf", "allowUnsafeInclude"),
  f$1("init.templateDir", "allowUnsafeTemplateDir"),
  l$1("pager.", "allowUnsafePager"),
  l$1("merge.driver", "allowUnsafeMergeDriver"),
  l$1("mergetool.path", "allowUnsafeMergeDriver"),
  l$1("mergetool.cmd", "allowUnsafeMergeDriver"),
  l$1("protocol.allow", "allowUnsafeProtocolOverride"),
  l$1("remote.receivepack", "allowUnsafePack"),
  l$1("remote.uploadpack", "allowUnsafePack"),
  f$1("uploadpack.packObjectsHook", "allowUnsafePack"),
  f$1("sequence.editor", "allowUnsafeEditor"),
  l$1("submodule.update", "allowUnsafeSubmodule"),
  l$1("tar.command", "allowUnsafeCommandBinaries"),
  l$1("trailer.cmd", "allowUnsafeCommandBinaries"),
  l$1("trailer.command", "allowUnsafeCommandBinaries"),
  l$1("url.insteadOf", "allowUnsafeUrlRewrite")
];
function* H$1(e, n) {
  for (const t of n)
    for (const o of X$1) {
      const a = o(e, t);
      a && (yield a);
    }
}
function c(e, n, t, { name: o = String(n), globalOnly: a = false, withValue: s = false } = {}) {
  const r = typeof n == "string" ? new RegExp(`\\s*${n.toLowerCase()}`) : n, i = `Use of ${e ? `${e} with option ` : ""}${o} is not permitted without enabling ${t}`;
  return function(m, u) {
    if (!(e && m !== e) && !(a && !u.isGlobal) && !(s && u.value === void 0) && r.test(u.name))
      return {
        category: t,
        message: i
      };
  };
}
const h$1 = { globalOnly: true, withValue: true }, X$1 = [
  c(null, /--(upload|receive)-pack/, "allowUnsafePack", {
    name: "--upload-pack or --receive-pack"
  }),
  c("clone", /^-\w*u/, "allowUnsafePack"),
  c("clone", "--u", "allowUnsafePack"),
  c("push", /^--exec$/, "allowUnsafePack", { name: "--exec" }),
  // `git` accepts unambiguous abbreviations of long options, so `--ex` and `--exe` are `--exec`
  c("rebase", /^(-x|--ex(ec?)?)$/, "allowUnsafeExec", { name: "-x or --exec" }),
  c(null, "--template", "allowUnsafeTemplateDir"),
  c(null, "--exec-path", "allowUnsafeExec", h$1),
  // `git` reads the configuration of whichever repository these name, so the
  // directory alone is enough to deliver config the argv guards never see
  c(null, "--git-dir", "allowUnsafeConfigPaths", h$1),
  c(null, "--work-tree", "allowUnsafeConfigPaths", h$1),
  c(null, /^-C$/, "allowUnsafeConfigPaths", { ...h$1, name: "-C" })
];
function k(e, n, t) {
  return [...H$1(e, n), ...q$1(t)];
}
function Y$1(...e) {
  const { flags: n, taskIndex: t } = W$1(e), o = t < e.length ? String(e[t]).toLowerCase() : null, a = o !== null ? e.slice(t + 1) : [], { positionals: s, pathspecs: r } = V$1(a, o, n), i = D(o, n, s);
  return {
    task: o,
    flags: n.map(J$1),
    paths: r,
    config: i,
    vulnerabilities: z$1(k(o, n, i))
  };
}
function z$1(e) {
  return Object.defineProperty(e, "vulnerabilities", {
    value: e
  });
}
function J$1({ value: e, name: n }) {
  return e !== void 0 ? { name: n, value: e } : { name: n };
}
const y = {
  editor: "allowUnsafeEditor",
  git_askpass: "allowUnsafeAskPass",
  git_config_global: "allowUnsafeConfigPaths",
  git_config_system: "allowUnsafeConfigPaths",
  git_config_count: "allowUnsafeConfigEnvCount",
  git_config_parameters: "allowUnsafeConfigEnvCount",
  git_config: "allowUnsafeConfigPaths",
  git_editor: "allowUnsafeEditor",
  git_exec_path: "allowUnsafeExec",
  git_external_diff: "allowUnsafeDiffExternal",
  git_pager: "allowUnsafePager",
  git_proxy_command: "allowUnsafeGitProxy",
  git_template_dir: "allowUnsafeTemplateDir",
  git_sequence_editor: "allowUnsafeEditor",
  git_ssh: "allowUnsafeSshCommand",
  git_ssh_command: "allowUnsafeSshCommand",
  pager: "allowUnsafePager",
  prefix: "allowUnsafeConfigPaths",
  ssh_askpass: "allowUnsafeAskPass",
  visual: "allowUnsafeEditor"
};
function* Q$1(e) {
  const n = parseInt(e.git_config_count ?? "0", 10);
  for (let t = 0; t < n; t++) {
    const o = e[`git_config_key_${t}`], a = e[`git_config_value_${t}`];
    o !== void 0 && (yield { key: o.toLowerCase().trim(), value: a, scope: "env" });
  }
}
function* Z$1(e) {
  for (const n of Object.keys(e))
    if (_$1(n)) {
      const t = y[n];
      yield {
        category: t,
        message: `Use of "${n.toUpperCase()}" is not permitted without enabling ${t}`
      };
    }
}
function _$1(e) {
  return Object.hasOwn(y, e);
}
function ee$1(e) {
  const n = {};
  for (const [t, o] of Object.entries(e)) {
    const a = t.toLowerCase().trim();
    (_$1(a) || a.startsWith("git")) && (n[a] = String(o));
  }
  return n;
}
function ne$1(e) {
  const n = ee$1(e), t = {
    read: [],
    write: [...Q$1(n)]
  }, o = [
    ...Z$1(n),
    ...k(null, [], t)
  ];
  return {
    config: t,
    vulnerabilities: o
  };
}
function oe$1(e, n) {
  return [...Y$1(...e).vulnerabilities, ...ne$1(n).vulnerabilities];
}

class O extends Error {
  constructor(e, n) {
    super(n), this.task = e, Object.setPrototypeOf(this, new.target.prototype);
  }
}
class Ae extends O {
  constructor(e, n) {
    super(void 0, n), this.config = e;
  }
}
class A extends O {
  constructor(e, n, r) {
    super(e, r), this.task = e, this.plugin = n, Object.setPrototypeOf(this, new.target.prototype);
  }
}
class at extends O {
  constructor(e, n) {
    super(void 0, n || String(e)), this.git = e;
  }
}
class xe extends O {
  constructor(e) {
    super(void 0, e);
  }
}
const I = "\0", W = () => {
};
function Ne(t) {
  return typeof t != "function" ? W : t;
}
function $e(t) {
  return typeof t == "function" && t !== W;
}
function Pe(t, e) {
  const n = t.indexOf(e);
  return n <= 0 ? [t, ""] : [t.substr(0, n), t.substr(n + 1)];
}
function Me(t, e = 0) {
  return Dt(t) && t.length > e ? t[e] : void 0;
}
function N(t, e = 0) {
  if (Dt(t) && t.length > e)
    return t[t.length - 1 - e];
}
function Dt(t) {
  return Bt(t);
}
function H(t = "", e = true, n = `
`) {
  return t.split(n).reduce((r, s) => {
    const o = e ? s.trim() : s;
    return o && r.push(o), r;
  }, []);
}
function ut(t, e) {
  return H(t, true).map((n) => e(n));
}
function Lt(t) {
  return distExports$2.exists(t, distExports$2.FOLDER);
}
function S(t, e) {
  return Array.isArray(t) ? t.includes(e) || t.push(e) : t.add(e), e;
}
function De(t, e) {
  return Array.isArray(t) && !t.includes(e) && t.push(e), t;
}
function ct(t, e) {
  if (Array.isArray(t)) {
    const n = t.indexOf(e);
    n >= 0 && t.splice(n, 1);
  } else
    t.delete(e);
  return e;
}
const ft = Object.prototype.toString.call.bind(Object.prototype.toString);
function v(t) {
  return Array.isArray(t) ? t : [t];
}
function jt(t) {
  return t.replace(/[\s-]+(.)/g, (e, n) => n.toUpperCase());
}
function L(t) {
  return v(t).map((e) => e instanceof String ? e : String(e));
}
function p(t, e = 0) {
  if (t == null)
    return e;
  const n = parseInt(t, 10);
  return Number.isNaN(n) ? e : n;
}
function U(t, e) {
  const n = [];
  for (let r = 0, s = t.length; r < s; r++)
    n.push(e, t[r]);
  return n;
}
function F(t) {
  return (Array.isArray(t) ? Buffer.concat(t) : t).toString("utf-8");
}
function Le(t) {
  return t ? Buffer.isBuffer(t) ? t.length : Buffer.byteLength(t) : 0;
}
function je(t, e) {
  const n = {};
  return e.forEach((r) => {
    t[r] !== void 0 && (n[r] = t[r]);
  }), n;
}
function wt(t = 0) {
  return new Promise((e) => setTimeout(e, t));
}
function bt(t) {
  if (t !== false)
    return t;
}
function d(t, e, n) {
  return e(t) ? t : arguments.length > 2 ? n : void 0;
}
const K = (t) => Array.isArray(t);
function st(t, e) {
  const n = r(t) ? "string" : typeof t;
  return /number|string|boolean/.test(n) && (!e || !e.includes(n));
}
const m = (t) => typeof t == "string" || r(t), Be = (t) => m(t) || Buffer.isBuffer(t), G = (t) => m(t) || Array.isArray(t) && t.every(m);
function lt(t) {
  return !!t && ft(t) === "[object Object]";
}
function Ie(t) {
  return typeof t == "function";
}
const Bt = (t) => t == null || "number|boolean|function".includes(typeof t) ? false : typeof t.length == "number";
var V = /* @__PURE__ */ ((t) => (t[t.SUCCESS = 0] = "SUCCESS", t[t.ERROR = 1] = "ERROR", t[t.NOT_FOUND = -2] = "NOT_FOUND", t[t.UNCLEAN = 128] = "UNCLEAN", t))(V || {});
class z {
  constructor(e, n) {
    this.stdOut = e, this.stdErr = n;
  }
  asStrings() {
    return new z(this.stdOut.toString("utf8"), this.stdErr.toString("utf8"));
  }
}
function Ue() {
  throw new Error("LineParser:useMatches not implemented");
}
class l {
  constructor(e, n) {
    this.matches = [], this.useMatches = Ue, this.parse = (r, s) => (this.resetMatches(), this._regExp.every((o, i) => this.addMatch(o, i, r(i))) ? this.useMatches(s, this.prepareMatches()) !== false : false), this._regExp = Array.isArray(e) ? e : [e], n && (this.useMatches = n);
  }
  resetMatches() {
    this.matches.length = 0;
  }
  prepareMatches() {
    return this.matches;
  }
  addMatch(e, n, r) {
    const s = r && e.exec(r);
    return s && this.pushMatch(n, s), !!s;
  }
  pushMatch(e, n) {
    this.matches.push(...n.slice(1));
  }
}
class x extends l {
  addMatch(e, n, r) {
    return /^remote:\s/.test(String(r)) && super.addMatch(e, n, r);
  }
  pushMatch(e, n) {
    (e > 0 || n.length > 1) && super.pushMatch(e, n);
  }
}
const Fe = {
  binary: "git",
  maxConcurrentProcesses: 5,
  config: [],
  trimmed: false
};
function Ge(...t) {
  const e = process.cwd(), n = Object.assign(
    { baseDir: e, ...Fe },
    ...t.filter((r) => typeof r == "object" && r)
  );
  return n.baseDir = n.baseDir || e, n.trimmed = n.trimmed === true, n;
}
function It(t, e = []) {
  return lt(t) ? Object.keys(t).reduce((n, r$1) => {
    const s = t[r$1];
    if (r(s))
      n.push(s);
    else if (st(s, ["boolean"]))
      n.push(r$1 + "=" + s);
    else if (Array.isArray(s))
      for (const o of s)
        st(o, ["string", "number"]) || n.push(r$1 + "=" + o);
    else
      n.push(r$1);
    return n;
  }, e) : e;
}
function h(t, e = 0, n = false) {
  const r = [];
  for (let s = 0, o = e < 0 ? t.length : e; s < o; s++)
    "string|number".includes(typeof t[s]) && r.push(String(t[s]));
  return It(ht(t), r), n || r.push(...ze(t)), r;
}
function ze(t) {
  const e = typeof N(t) == "function";
  return L(d(N(t, e ? 1 : 0), K, []));
}
function ht(t) {
  const e = Ie(N(t));
  return d(N(t, e ? 1 : 0), lt);
}
function u(t, e = true) {
  const n = Ne(N(t));
  return e || $e(n) ? n : void 0;
}
function Tt(t, e) {
  return t(e.stdOut, e.stdErr);
}
function E(t, e, n, r = true) {
  return v(n).forEach((s) => {
    for (let o = H(s, r), i = 0, a = o.length; i < a; i++) {
      const c = (y = 0) => {
        if (!(i + y >= a))
          return o[i + y];
      };
      e.some(({ parse: y }) => y(c, t));
    }
  }), t;
}
const mt = ({ exitCode: t }, e, n, r) => {
  if (t === V.UNCLEAN && Ve(e))
    return n(Buffer.from("false"));
  r(e);
}, Ut = (t) => t.trim() === "true";
function We(t) {
  switch (t) {
    case "bare":
      return Ke();
    case "root":
      return He();
  }
  return {
    commands: ["rev-parse", "--is-inside-work-tree"],
    format: "utf-8",
    onError: mt,
    parser: Ut
  };
}
function He() {
  return {
    commands: ["rev-parse", "--git-dir"],
    format: "utf-8",
    onError: mt,
    parser(e) {
      return /^\.(git)?$/.test(e.trim());
    }
  };
}
function Ke() {
  return {
    commands: ["rev-parse", "--is-bare-repository"],
    format: "utf-8",
    onError: mt,
    parser: Ut
  };
}
function Ve(t) {
  return /(Not a git repository|Kein Git-Repository)/i.test(String(t));
}
class Xe {
  constructor(e) {
    this.paths = [], this.files = [], this.folders = [], this.dryRun = e;
  }
}
const Ye = /^[a-z]+\s*/i, Qe = /^[a-z]+\s+[a-z]+\s*/i, Je = /\/$/;
function Ze(t, e) {
  const n = new Xe(t), r = t ? Qe : Ye;
  return H(e).forEach((s) => {
    const o = s.replace(r, "");
    n.paths.push(o), (Je.test(o) ? n.folders : n.files).push(o);
  }), n;
}
const Ft = [];
function tn(t) {
  return {
    commands: Ft,
    format: "empty",
    parser: t
  };
}
function b(t) {
  return {
    commands: Ft,
    format: "empty",
    parser() {
      throw typeof t == "string" ? new xe(t) : t;
    }
  };
}
function g(t, e = false) {
  return {
    commands: t,
    format: "utf-8",
    parser(n) {
      return e ? String(n).trim() : n;
    }
  };
}
function Gt(t) {
  return {
    commands: t,
    format: "buffer",
    parser(e) {
      return e;
    }
  };
}
function en(t) {
  return t.format === "buffer";
}
function kt(t) {
  return t.format === "empty" || !t.commands.length;
}
const nn = "Git clean interactive mode is not supported", rn = 'Git clean mode parameter ("n" or "f") is required', sn = "Git clean unknown option found in: ";
var zt = /* @__PURE__ */ ((t) => (t.DRY_RUN = "n", t.FORCE = "f", t.IGNORED_INCLUDED = "x", t.IGNORED_ONLY = "X", t.EXCLUDING = "e", t.QUIET = "q", t.RECURSIVE = "d", t))(zt || {});
const qt = /* @__PURE__ */ new Set([
  "i",
  ...L(Object.values(zt))
]);
function on(t, e) {
  const { cleanMode: n, options: r, valid: s } = cn(t);
  return n ? s.options ? (r.push(...e), r.some(hn) ? b(nn) : an(n, r)) : b(sn + JSON.stringify(t)) : b(rn);
}
function an(t, e) {
  return {
    commands: ["clean", `-${t}`, ...e],
    format: "utf-8",
    parser(r) {
      return Ze(t === "n", r);
    }
  };
}
function un(t) {
  return Array.isArray(t) && t.every((e) => qt.has(e));
}
function cn(t) {
  let e, n = [], r = { cleanMode: false, options: true };
  return t.replace(/[^a-z]i/g, "").split("").forEach((s) => {
    fn(s) ? (e = s, r.cleanMode = true) : r.options = r.options && ln(n[n.length] = `-${s}`);
  }), {
    cleanMode: e,
    options: n,
    valid: r
  };
}
function fn(t) {
  return t === "f" || t === "n";
}
function ln(t) {
  return /^-[a-z]$/i.test(t) && qt.has(t.charAt(1));
}
function hn(t) {
  return /^-[^\-]/.test(t) ? t.indexOf("i") > 0 : t === "--interactive";
}
class mn {
  constructor() {
    this.files = [], this.values = /* @__PURE__ */ Object.create(null);
  }
  get all() {
    return this._all || (this._all = this.files.reduce((e, n) => Object.assign(e, this.values[n]), {})), this._all;
  }
  addFile(e) {
    if (!(e in this.values)) {
      const n = N(this.files);
      this.values[e] = n ? Object.create(this.values[n]) : {}, this.files.push(e);
    }
    return this.values[e];
  }
  addValue(e, n, r) {
    const s = this.addFile(e);
    Object.hasOwn(s, n) ? Array.isArray(s[n]) ? s[n].push(r) : s[n] = [s[n], r] : s[n] = r, this._all = void 0;
  }
}
function pn(t) {
  const e = new mn();
  for (const n of Wt(t))
    e.addValue(n.file, String(n.key), n.value);
  return e;
}
function dn(t, e) {
  let n = null;
  const r = [], s = /* @__PURE__ */ new Map();
  for (const o of Wt(t, e))
    o.key === e && (r.push(n = o.value), s.has(o.file) || s.set(o.file, []), s.get(o.file).push(n));
  return {
    key: e,
    paths: Array.from(s.keys()),
    scopes: s,
    value: n,
    values: r
  };
}
function gn(t) {
  return t.replace(/^(file):/, "");
}
function* Wt(t, e = null) {
  const n = t.split("\0");
  for (let r = 0, s = n.length - 1; r < s; ) {
    const o = gn(n[r++]);
    let i = n[r++], a = e;
    if (i.includes(`
`)) {
      const c = Pe(i, `
`);
      a = c[0], i = c[1];
    }
    yield { file: o, key: a, value: i };
  }
}
var Ht = /* @__PURE__ */ ((t) => (t.system = "system", t.global = "global", t.local = "local", t.worktree = "worktree", t))(Ht || {});
function Y(t, e) {
  return typeof t == "string" && Object.hasOwn(Ht, t) ? t : e;
}
function yn(t, e, n, r) {
  const s = ["config", `--${r}`];
  return n && s.push("--add"), s.push(t, e), {
    commands: s,
    format: "utf-8",
    parser(o) {
      return o;
    }
  };
}
function wn(t, e) {
  const n = ["config", "--null", "--show-origin", "--get-all", t];
  return e && n.splice(1, 0, `--${e}`), {
    commands: n,
    format: "utf-8",
    parser(r) {
      return dn(r, t);
    }
  };
}
function bn(t) {
  const e = ["config", "--list", "--show-origin", "--null"];
  return t && e.push(`--${t}`), {
    commands: e,
    format: "utf-8",
    parser(n) {
      return pn(n);
    }
  };
}
function Tn() {
  return {
    addConfig(t, e, ...n) {
      return this._runTask(
        yn(
          t,
          e,
          n[0] === true,
          Y(
            n[1],
            "local"
            /* local */
          )
        ),
        u(arguments)
      );
    },
    getConfig(t, e) {
      return this._runTask(
        wn(t, Y(e, void 0)),
        u(arguments)
      );
    },
    listConfig(...t) {
      return this._runTask(
        bn(Y(t[0], void 0)),
        u(arguments)
      );
    }
  };
}
var Kt = /* @__PURE__ */ ((t) => (t.ADDED = "A", t.COPIED = "C", t.DELETED = "D", t.MODIFIED = "M", t.RENAMED = "R", t.CHANGED = "T", t.UNMERGED = "U", t.UNKNOWN = "X", t.BROKEN = "B", t))(Kt || {});
const kn = new Set(Object.values(Kt));
function _n(t) {
  return kn.has(t);
}
var _t;
const vn = ["-h"], j = /* @__PURE__ */ Symbol("grepQuery");
class En {
  constructor() {
    this[_t] = [];
  }
  *[(_t = j, Symbol.iterator)]() {
    for (const e of this[j])
      yield e;
  }
  and(...e) {
    return e.length && this[j].push("--and", "(", ...U(e, "-e"), ")"), this;
  }
  param(...e) {
    return this[j].push(...U(e, "-e")), this;
  }
}
function Sn(...t) {
  return new En().param(...t);
}
function Rn(t) {
  const e = /* @__PURE__ */ new Set(), n = {};
  return ut(t, (r) => {
    const [s, o, i] = r.split(I);
    e.add(s), (n[s] = n[s] || []).push({
      line: p(o),
      path: s,
      preview: i
    });
  }), {
    paths: e,
    results: n
  };
}
function On() {
  return {
    grep(t) {
      const e = u(arguments), n = h(arguments);
      for (const s of vn)
        if (n.includes(s))
          return this._runTask(
            b(`git.grep: use of "${s}" is not supported.`),
            e
          );
      typeof t == "string" && (t = Sn().param(t));
      const r = ["grep", "--null", "-n", "--full-name", ...n, ...t];
      return this._runTask(
        {
          commands: r,
          format: "utf-8",
          parser(s) {
            return Rn(s);
          }
        },
        e
      );
    }
  };
}
var Vt = /* @__PURE__ */ ((t) => (t.MIXED = "mixed", t.SOFT = "soft", t.HARD = "hard", t.MERGE = "merge", t.KEEP = "keep", t))(Vt || {});
const Cn = L(Object.values(Vt));
function An(t, e) {
  const n = ["reset"];
  return Xt(t) && n.push(`--${t}`), n.push(...e), g(n);
}
function xn(t) {
  if (Xt(t))
    return t;
  switch (typeof t) {
    case "string":
    case "undefined":
      return "soft";
  }
}
function Xt(t) {
  return typeof t == "string" && Cn.includes(t);
}
it.formatters.L = (t) => String(Bt(t) ? t.length : "-");
it.formatters.B = (t) => Buffer.isBuffer(t) ? t.toString("utf8") : ft(t);
function Nn() {
  return it("simple-git");
}
function vt(t, e, n) {
  return !e || !String(e).replace(/\s*/, "") ? n ? (r, ...s) => {
    t(r, ...s), n(r, ...s);
  } : t : (r, ...s) => {
    t(`%s ${r}`, e, ...s), n && n(r, ...s);
  };
}
function $n(t, e, { namespace: n }) {
  if (typeof t == "string")
    return t;
  const r = e && e.namespace || "";
  return r.startsWith(n) ? r.substr(n.length + 1) : r || n;
}
function $(t, e, n, r = Nn()) {
  const s = t && `[${t}]` || "", o = [], i = typeof e == "string" ? r.extend(e) : e, a = $n(d(e, m), i, r);
  return y(n);
  function c(w, T) {
    return S(
      o,
      $(t, a.replace(/^[^:]+/, w), T, r)
    );
  }
  function y(w) {
    const T = w && `[${w}]` || "", k = i && vt(i, T) || W, C = vt(r, `${s} ${T}`, k);
    return Object.assign(i ? k : C, {
      label: t,
      sibling: c,
      info: C,
      step: y
    });
  }
}
const M = class M {
  constructor(e = "GitExecutor") {
    this.logLabel = e, this._queue = /* @__PURE__ */ new Map();
  }
  withProgress(e) {
    return this._queue.get(e);
  }
  createProgress(e) {
    const n = M.getName(e.commands[0]), r = $(this.logLabel, n);
    return {
      task: e,
      logger: r,
      name: n
    };
  }
  push(e) {
    const n = this.createProgress(e);
    return n.logger("Adding task to the queue, commands = %o", e.commands), this._queue.set(e, n), n;
  }
  fatal(e) {
    for (const [n, { logger: r }] of Array.from(this._queue.entries()))
      n === e.task ? (r.info("Failed %o", e), r(
        "Fatal exception, any as-yet un-started tasks run through this executor will not be attempted"
      )) : r.info(
        "A fatal exception occurred in a previous task, the queue has been purged: %o",
        e.message
      ), this.complete(n);
    if (this._queue.size !== 0)
      throw new Error(`Queue size should be zero after fatal: ${this._queue.size}`);
  }
  complete(e) {
    this.withProgress(e) && this._queue.delete(e);
  }
  attempt(e) {
    const n = this.withProgress(e);
    if (!n)
      throw new O(void 0, "TasksPendingQueue: attempt called for an unknown task");
    return n.logger("Starting task"), n;
  }
  static getName(e = "empty") {
    return `task:${e}:${++M.counter}`;
  }
};
M.counter = 0;
let ot = M;
class Pn {
  constructor(e, n, r) {
    this._executor = e, this._scheduler = n, this._plugins = r, this._chain = Promise.resolve(), this._queue = new ot();
  }
  get cwd() {
    return this._cwd || this._executor.cwd;
  }
  set cwd(e) {
    this._cwd = e;
  }
  get env() {
    return this._executor.env;
  }
  get outputHandler() {
    return this._executor.outputHandler;
  }
  chain() {
    return this;
  }
  push(e) {
    return this._queue.push(e), this._chain = this._chain.then(() => this.attemptTask(e));
  }
  async attemptTask(e) {
    const n = await this._scheduler.next(), r = () => this._queue.complete(e);
    try {
      const { logger: s } = this._queue.attempt(e);
      return await (kt(e) ? this.attemptEmptyTask(e, s) : this.attemptRemoteTask(e, s));
    } catch (s) {
      throw this.onFatalException(e, s);
    } finally {
      r(), n();
    }
  }
  onFatalException(e, n) {
    const r = n instanceof O ? Object.assign(n, { task: e }) : new O(e, n && String(n));
    return this._chain = Promise.resolve(), this._queue.fatal(r), r;
  }
  async attemptRemoteTask(e, n) {
    const r = this._plugins.exec("spawn.binary", "", this.taskContext(e, e.commands)), s = this._plugins.exec(
      "spawn.args",
      [...e.commands],
      this.taskContext(e, e.commands)
    ), o = await this.gitResponse(
      e,
      r,
      s,
      this.outputHandler,
      n.step("SPAWN")
    ), i = await this.handleTaskData(e, s, o, n.step("HANDLE"));
    return n("passing response to task's parser as a %s", e.format), en(e) ? Tt(e.parser, i) : Tt(e.parser, i.asStrings());
  }
  async attemptEmptyTask(e, n) {
    return n("empty task bypassing child process to call to task's parser"), e.parser(this);
  }
  handleTaskData(e, n, r, s) {
    const { exitCode: o, rejection: i, stdOut: a, stdErr: c } = r;
    return new Promise((y, w) => {
      s("Preparing to handle process response exitCode=%d stdOut=", o);
      const { error: T } = this._plugins.exec(
        "task.error",
        { error: i },
        {
          ...this.taskContext(e, n),
          ...r
        }
      );
      if (T && e.onError)
        return s.info("exitCode=%s handling with custom error handler"), e.onError(
          r,
          T,
          (k) => {
            s.info("custom error handler treated as success"), s("custom error returned a %s", ft(k)), y(
              new z(
                Array.isArray(k) ? Buffer.concat(k) : k,
                Buffer.concat(c)
              )
            );
          },
          w
        );
      if (T)
        return s.info(
          "handling as error: exitCode=%s stdErr=%s rejection=%o",
          o,
          c.length,
          i
        ), w(T);
      s.info("retrieving task output complete"), y(new z(Buffer.concat(a), Buffer.concat(c)));
    });
  }
  async gitResponse(e, n, r, s, o) {
    const i = o.sibling("output"), a = this._plugins.exec(
      "spawn.options",
      {
        cwd: this.cwd,
        env: this.env,
        windowsHide: true
      },
      this.taskContext(e, e.commands)
    );
    return new Promise((c) => {
      const y = [], w = [];
      o.info("%s %o", n, r), o("%O", a);
      let T = this._beforeSpawn(e, r);
      if (T)
        return c({
          stdOut: y,
          stdErr: w,
          exitCode: 9901,
          rejection: T
        });
      this._plugins.exec("spawn.before", void 0, {
        ...this.taskContext(e, r),
        kill(C) {
          T = C || T;
        }
      });
      const k = spawn(n, r, a);
      k.stdout.on(
        "data",
        Et(y, "stdOut", o, i.step("stdOut"))
      ), k.stderr.on(
        "data",
        Et(w, "stdErr", o, i.step("stdErr"))
      ), k.on("error", Mn(w, o)), s && (o("Passing child process stdOut/stdErr to custom outputHandler"), s(n, k.stdout, k.stderr, [...r])), this._plugins.exec("spawn.after", void 0, {
        ...this.taskContext(e, r),
        spawned: k,
        close(C, Te) {
          c({
            stdOut: y,
            stdErr: w,
            exitCode: C,
            rejection: T || Te
          });
        },
        kill(C) {
          k.killed || (T = C, k.kill("SIGINT"));
        }
      });
    });
  }
  _beforeSpawn(e, n) {
    let r;
    return this._plugins.exec("spawn.before", void 0, {
      ...this.taskContext(e, n),
      kill(s) {
        r = s || r;
      }
    }), r;
  }
  taskContext(e, n) {
    return {
      method: String(Me(e.commands) || ""),
      commands: n,
      env: { ...this.env },
      input: kt(e) ? void 0 : e.input
    };
  }
}
function Mn(t, e) {
  return (n) => {
    e("[ERROR] child process exception %o", n), t.push(Buffer.from(String(n.stack), "ascii"));
  };
}
function Et(t, e, n, r) {
  return (s) => {
    n("%s received %L bytes", e, s), r("%B", s), t.push(s);
  };
}
class Dn {
  constructor(e, n, r) {
    this.cwd = e, this._scheduler = n, this._plugins = r, this._chain = this.chain();
  }
  chain() {
    return new Pn(this, this._scheduler, this._plugins);
  }
  push(e) {
    return this._chain.push(e);
  }
}
function Ln(t, e, n = W) {
  const r = (o) => {
    n(null, o);
  }, s = (o) => {
    o?.task === t && n(o, void 0);
  };
  e.then(r, s);
}
function St(t, e) {
  return tn((n) => {
    if (!Lt(t))
      throw new Error(`Git.cwd: cannot change to non-directory "${t}"`);
    return (e || n).cwd = t;
  });
}
function Q(t) {
  const e = ["checkout", ...t];
  return e[1] === "-b" && e.includes("-B") && (e[1] = ct(e, "-B")), g(e);
}
function jn() {
  return {
    checkout() {
      return this._runTask(
        Q(h(arguments, 1)),
        u(arguments)
      );
    },
    checkoutBranch(t, e) {
      return this._runTask(
        Q(["-b", t, e, ...h(arguments)]),
        u(arguments)
      );
    },
    checkoutLocalBranch(t) {
      return this._runTask(
        Q(["-b", t, ...h(arguments)]),
        u(arguments)
      );
    }
  };
}
const Yt = (t, e, n) => {
  const r = ["clone", ...n];
  return m(t) && r.push(c$1(t)), m(e) && r.push(c$1(e)), g(r);
}, Bn = (t, e, n) => (S(n, "--mirror"), Yt(t, e, n));
function Rt(t, e, n, ...r) {
  return m(n) ? e(n, d(r[0], m), h(arguments)) : b(`git.${t}() requires a string 'repoPath'`);
}
function In() {
  return {
    clone(t, ...e) {
      return this._runTask(
        Rt("clone", Yt, d(t, m), ...e),
        u(arguments)
      );
    },
    mirror(t, ...e) {
      return this._runTask(
        Rt("mirror", Bn, d(t, m), ...e),
        u(arguments)
      );
    }
  };
}
const Un = [
  new l(/^\[([^\s]+)( \([^)]+\))? ([^\]]+)/, (t, [e, n, r]) => {
    t.branch = e, t.commit = r, t.root = !!n;
  }),
  new l(/\s*Author:\s(.+)/i, (t, [e]) => {
    const n = e.split("<"), r = n.pop();
    !r || !r.includes("@") || (t.author = {
      email: r.substr(0, r.length - 1),
      name: n.join("<").trim()
    });
  }),
  new l(
    /(\d+)[^,]*(?:,\s*(\d+)[^,]*)(?:,\s*(\d+))/g,
    (t, [e, n, r]) => {
      t.summary.changes = parseInt(e, 10) || 0, t.summary.insertions = parseInt(n, 10) || 0, t.summary.deletions = parseInt(r, 10) || 0;
    }
  ),
  new l(
    /^(\d+)[^,]*(?:,\s*(\d+)[^(]+\(([+-]))?/,
    (t, [e, n, r]) => {
      t.summary.changes = parseInt(e, 10) || 0;
      const s = parseInt(n, 10) || 0;
      r === "-" ? t.summary.deletions = s : r === "+" && (t.summary.insertions = s);
    }
  )
];
function Fn(t) {
  return E({
    author: null,
    branch: "",
    commit: "",
    root: false,
    summary: {
      changes: 0,
      insertions: 0,
      deletions: 0
    }
  }, Un, t);
}
function Gn(t, e, n) {
  return {
    commands: [
      "-c",
      "core.abbrev=40",
      "commit",
      ...U(t, "-m"),
      ...e,
      ...n
    ],
    format: "utf-8",
    parser: Fn
  };
}
function zn() {
  return {
    commit(e, ...n) {
      const r = u(arguments), s = t(e) || Gn(
        v(e),
        v(d(n[0], G, [])),
        [
          ...L(d(n[1], K, [])),
          ...h(arguments, 0, true)
        ]
      );
      return this._runTask(s, r);
    }
  };
  function t(e) {
    return !G(e) && b(
      "git.commit: requires the commit message to be supplied as a string/string[]"
    );
  }
}
function qn() {
  return {
    count: 0,
    garbage: 0,
    inPack: 0,
    packs: 0,
    prunePackable: 0,
    size: 0,
    sizeGarbage: 0,
    sizePack: 0
  };
}
const Wn = new l(
  /([a-z-]+): (\d+)$/,
  (t, [e, n]) => {
    const r = jt(e);
    Object.hasOwn(t, r) && (t[r] = p(n));
  }
);
function Hn() {
  return {
    countObjects() {
      return this._runTask({
        commands: ["count-objects", "--verbose"],
        format: "utf-8",
        parser(t) {
          return E(qn(), [Wn], t);
        }
      });
    }
  };
}
function Kn() {
  return {
    firstCommit() {
      return this._runTask(
        g(["rev-list", "--max-parents=0", "HEAD"], true),
        u(arguments)
      );
    }
  };
}
function Vn(t, e) {
  const n = ["hash-object", t];
  return e && n.push("-w"), g(n, true);
}
class J {
  constructor(e, n, r, s) {
    this.bare = e, this.path = n, this.existing = r, this.gitDir = s;
  }
}
const Xn = /^Init.+ repository in (.+)$/, Yn = /^Rein.+ in (.+)$/;
function Qn(t, e, n) {
  const r = String(n).trim();
  let s;
  if (s = Xn.exec(r))
    return new J(t, e, false, s[1]);
  if (s = Yn.exec(r))
    return new J(t, e, true, s[1]);
  let o = "";
  const i = r.split(" ");
  for (; i.length; )
    if (i.shift() === "in") {
      o = i.join(" ");
      break;
    }
  return new J(t, e, /^re/i.test(r), o);
}
const Qt = "--bare";
function Jn(t) {
  return t.includes(Qt);
}
function Zn(t = false, e, n) {
  const r = ["init", ...n];
  return t && !Jn(r) && r.splice(1, 0, Qt), {
    commands: r,
    format: "utf-8",
    parser(s) {
      return Qn(r.includes("--bare"), e, s);
    }
  };
}
function tr(t) {
  return t === void 0 ? b("interpretTrailers called without input content") : {
    format: "utf-8",
    parser(e) {
      return Object.fromEntries(
        ut(e, (n) => {
          const r = n.indexOf(":");
          return [
            jt(n.substring(0, r).toLowerCase()),
            n.substring(r + 2).trim()
          ];
        })
      );
    },
    commands: ["interpret-trailers", "--parse"],
    input: t
  };
}
function er() {
  return {
    interpretTrailers(t) {
      return this._runTask(
        tr(d(t, Be)),
        u(arguments)
      );
    }
  };
}
var R = /* @__PURE__ */ ((t) => (t.NONE = "", t.STAT = "--stat", t.NUM_STAT = "--numstat", t.NAME_ONLY = "--name-only", t.NAME_STATUS = "--name-status", t))(R || {});
const Jt = /^--(stat|numstat|name-only|name-status)(=|$)/;
function pt(t) {
  for (let e = 0; e < t.length; e++) {
    const n = Jt.exec(t[e]);
    if (n)
      return `--${n[1]}`;
  }
  return "";
}
function nr(t) {
  return Jt.test(t);
}
class rr {
  constructor() {
    this.changed = 0, this.deletions = 0, this.insertions = 0, this.files = [];
  }
}
const Ot = [
  new l(
    /^(.+)\s+\|\s+(\d+)(\s+[+\-]+)?$/,
    (t, [e, n, r = ""]) => {
      t.files.push({
        file: e.trim(),
        changes: p(n),
        insertions: r.replace(/[^+]/g, "").length,
        deletions: r.replace(/[^-]/g, "").length,
        binary: false
      });
    }
  ),
  new l(
    /^(.+) \|\s+Bin ([0-9.]+) -> ([0-9.]+) ([a-z]+)/,
    (t, [e, n, r]) => {
      t.files.push({
        file: e.trim(),
        before: p(n),
        after: p(r),
        binary: true
      });
    }
  ),
  new l(/^(.+)\s+\|\s+Bin\s*$/, (t, [e]) => {
    t.files.push({
      file: e.trim(),
      before: 0,
      after: 0,
      binary: true
    });
  }),
  new l(
    /(\d+) files? changed\s*((?:, \d+ [^,]+){0,2})/,
    (t, [e, n]) => {
      const r = /(\d+) i/.exec(n), s = /(\d+) d/.exec(n);
      t.changed = p(e), t.insertions = p(r?.[1]), t.deletions = p(s?.[1]);
    }
  )
], sr = [
  new l(
    /(\d+)\t(\d+)\t(.+)$/,
    (t, [e, n, r]) => {
      const s = p(e), o = p(n);
      t.changed++, t.insertions += s, t.deletions += o, t.files.push({
        file: r,
        changes: s + o,
        insertions: s,
        deletions: o,
        binary: false
      });
    }
  ),
  new l(/-\t-\t(.+)$/, (t, [e]) => {
    t.changed++, t.files.push({
      file: e,
      after: 0,
      before: 0,
      binary: true
    });
  })
], or = [
  new l(/(.+)$/, (t, [e]) => {
    t.changed++, t.files.push({
      file: e,
      changes: 0,
      insertions: 0,
      deletions: 0,
      binary: false
    });
  })
], ir = [
  new l(
    /([ACDMRTUXB])([0-9]{0,3})\t(.[^\t]*)(\t(.[^\t]*))?$/,
    (t, [e, n, r, s, o]) => {
      t.changed++, t.files.push({
        file: o ?? r,
        changes: 0,
        insertions: 0,
        deletions: 0,
        binary: false,
        status: bt(_n(e) && e),
        from: bt(!!o && r !== o && r),
        similarity: p(n)
      });
    }
  )
], ar = {
  [R.NONE]: Ot,
  [R.STAT]: Ot,
  [R.NUM_STAT]: sr,
  [R.NAME_STATUS]: ir,
  [R.NAME_ONLY]: or
};
function Zt(t = R.NONE) {
  const e = ar[t];
  return (n) => E(new rr(), e, n, false);
}
const te = "òòòòòò ", ee = " òò", ne = " ò ", ur = ["hash", "date", "message", "refs", "author_name", "author_email"];
function cr(t, e) {
  return e.reduce(
    (n, r, s) => (n[r] = t[s] || "", n),
    /* @__PURE__ */ Object.create({ diff: null })
  );
}
function re(t = ne, e = ur, n = R.NONE) {
  const r = Zt(n);
  return function(s) {
    const o = H(
      s.trim(),
      false,
      te
    ).map(function(i) {
      const a = i.split(ee), c = cr(a[0].split(t), e);
      return a.length > 1 && a[1].trim() && (c.diff = r(a[1])), c;
    });
    return {
      all: o,
      latest: o.length && o[0] || null,
      total: o.length
    };
  };
}
function fr(t) {
  let e = pt(t);
  const n = ["diff"];
  return e === R.NONE && (e = R.STAT, n.push("--stat=4096")), n.push(...t), dt(n) || {
    commands: n,
    format: "utf-8",
    parser: Zt(e)
  };
}
function dt(t) {
  const e = t.filter(nr);
  if (e.length > 1)
    return b(
      `Summary flags are mutually exclusive - pick one of ${e.join(",")}`
    );
  if (e.length && t.includes("-z"))
    return b(
      `Summary flag ${e} parsing is not compatible with null termination option '-z'`
    );
}
var se = /* @__PURE__ */ ((t) => (t[t["--pretty"] = 0] = "--pretty", t[t["max-count"] = 1] = "max-count", t[t.maxCount = 2] = "maxCount", t[t.n = 3] = "n", t[t.file = 4] = "file", t[t.format = 5] = "format", t[t.from = 6] = "from", t[t.to = 7] = "to", t[t.splitter = 8] = "splitter", t[t.symmetric = 9] = "symmetric", t[t.mailMap = 10] = "mailMap", t[t.multiLine = 11] = "multiLine", t[t.strictDate = 12] = "strictDate", t))(se || {});
function lr(t, e) {
  const n = [], r = [];
  return Object.keys(t).forEach((s) => {
    n.push(s), r.push(String(t[s]));
  }), [n, r.join(e)];
}
function hr(t) {
  return Object.keys(t).reduce((e, n) => (n in se || (e[n] = t[n]), e), {});
}
function oe(t = {}, e = []) {
  const n = d(t.splitter, m, ne), r = lt(t.format) ? t.format : {
    hash: "%H",
    date: t.strictDate === false ? "%ai" : "%aI",
    message: "%s",
    refs: "%D",
    body: t.multiLine ? "%B" : "%b",
    author_name: t.mailMap !== false ? "%aN" : "%an",
    author_email: t.mailMap !== false ? "%aE" : "%ae"
  }, [s, o] = lr(r, n), i = [], a = [
    `--pretty=format:${te}${o}${ee}`,
    ...e
  ], c = t.n || t["max-count"] || t.maxCount;
  if (c && a.push(`--max-count=${c}`), t.from || t.to) {
    const y = t.symmetric !== false ? "..." : "..";
    i.push(`${t.from || ""}${y}${t.to || ""}`);
  }
  return m(t.file) && a.push("--follow", c$1(t.file)), It(hr(t), a), {
    fields: s,
    splitter: n,
    commands: [...a, ...i]
  };
}
function mr(t, e, n) {
  const r = re(t, e, pt(n));
  return {
    commands: ["log", ...n],
    format: "utf-8",
    parser: r
  };
}
function pr() {
  return {
    log(...n) {
      const r = u(arguments), s = oe(
        ht(arguments),
        L(d(arguments[0], K, []))
      ), o = e(...n) || dt(s.commands) || t(s);
      return this._runTask(o, r);
    }
  };
  function t(n) {
    return mr(n.splitter, n.fields, n.commands);
  }
  function e(n, r) {
    return m(n) && m(r) && b(
      "git.log(string, string) should be replaced with git.log({ from: string, to: string })"
    );
  }
}
class Z {
  constructor(e, n = null, r) {
    this.reason = e, this.file = n, this.meta = r;
  }
  toString() {
    return `${this.file}:${this.reason}`;
  }
}
class dr {
  constructor() {
    this.conflicts = [], this.merges = [], this.result = "success";
  }
  get failed() {
    return this.conflicts.length > 0;
  }
  get reason() {
    return this.result;
  }
  toString() {
    return this.conflicts.length ? `CONFLICTS: ${this.conflicts.join(", ")}` : "OK";
  }
}
class ie {
  constructor() {
    this.remoteMessages = {
      all: []
    }, this.created = [], this.deleted = [], this.files = [], this.deletions = {}, this.insertions = {}, this.summary = {
      changes: 0,
      deletions: 0,
      insertions: 0
    };
  }
}
class gr {
  constructor() {
    this.remote = "", this.hash = {
      local: "",
      remote: ""
    }, this.branch = {
      local: "",
      remote: ""
    }, this.message = "";
  }
  toString() {
    return this.message;
  }
}
function tt(t) {
  return t.objects = t.objects || {
    compressing: 0,
    counting: 0,
    enumerating: 0,
    packReused: 0,
    reused: { count: 0, delta: 0 },
    total: { count: 0, delta: 0 }
  };
}
function Ct(t) {
  const e = /^\s*(\d+)/.exec(t), n = /delta (\d+)/i.exec(t);
  return {
    count: p(e && e[1] || "0"),
    delta: p(n && n[1] || "0")
  };
}
const yr = [
  new x(
    /^remote:\s*(enumerating|counting|compressing) objects: (\d+),/i,
    (t, [e, n]) => {
      const r = e.toLowerCase(), s = tt(t.remoteMessages);
      Object.assign(s, { [r]: p(n) });
    }
  ),
  new x(
    /^remote:\s*(enumerating|counting|compressing) objects: \d+% \(\d+\/(\d+)\),/i,
    (t, [e, n]) => {
      const r = e.toLowerCase(), s = tt(t.remoteMessages);
      Object.assign(s, { [r]: p(n) });
    }
  ),
  new x(
    /total ([^,]+), reused ([^,]+), pack-reused (\d+)/i,
    (t, [e, n, r]) => {
      const s = tt(t.remoteMessages);
      s.total = Ct(e), s.reused = Ct(n), s.packReused = p(r);
    }
  )
], wr = [
  new x(/^remote:\s*(.+)$/, (t, [e]) => (t.remoteMessages.all.push(e.trim()), false)),
  ...yr,
  new x(
    [/create a (?:pull|merge) request/i, /\s(https?:\/\/\S+)$/],
    (t, [e]) => {
      t.remoteMessages.pullRequestUrl = e;
    }
  ),
  new x(
    [/found (\d+) vulnerabilities.+\(([^)]+)\)/i, /\s(https?:\/\/\S+)$/],
    (t, [e, n, r]) => {
      t.remoteMessages.vulnerabilities = {
        count: p(e),
        summary: n,
        url: r
      };
    }
  )
];
function ae(t, e) {
  return E({ remoteMessages: new br() }, wr, e);
}
class br {
  constructor() {
    this.all = [];
  }
}
const Tr = /^\s*(.+?)\s+\|\s+\d+\s*(\+*)(-*)/, kr = /(\d+)\D+((\d+)\D+\(\+\))?(\D+(\d+)\D+\(-\))?/, _r = /^(create|delete) mode \d+ (.+)/, vr = [
  new l(Tr, (t, [e, n, r]) => {
    t.files.push(e), n && (t.insertions[e] = n.length), r && (t.deletions[e] = r.length);
  }),
  new l(kr, (t, [e, , n, , r]) => n !== void 0 || r !== void 0 ? (t.summary.changes = +e || 0, t.summary.insertions = +n || 0, t.summary.deletions = +r || 0, true) : false),
  new l(_r, (t, [e, n]) => {
    S(t.files, n), S(e === "create" ? t.created : t.deleted, n);
  })
], Er = [
  new l(/^from\s(.+)$/i, (t, [e]) => {
    t.remote = e;
  }),
  new l(/^fatal:\s(.+)$/, (t, [e]) => {
    t.message = e;
  }),
  new l(
    /([a-z0-9]+)\.\.([a-z0-9]+)\s+(\S+)\s+->\s+(\S+)$/,
    (t, [e, n, r, s]) => {
      t.branch.local = r, t.hash.local = e, t.branch.remote = s, t.hash.remote = n;
    }
  )
], Sr = (t, e) => E(new ie(), vr, [t, e]), ue = (t, e) => Object.assign(
  new ie(),
  Sr(t, e),
  ae(t, e)
);
function Rr(t, e) {
  const n = E(new gr(), Er, [t, e]);
  return n.message && n;
}
const Or = [
  new l(/^Auto-merging\s+(.+)$/, (t, [e]) => {
    t.merges.push(e);
  }),
  new l(/^CONFLICT\s+\((.+)\): Merge conflict in (.+)$/, (t, [e, n]) => {
    t.conflicts.push(new Z(e, n));
  }),
  new l(
    /^CONFLICT\s+\((.+\/delete)\): (.+) deleted in (.+) and/,
    (t, [e, n, r]) => {
      t.conflicts.push(new Z(e, n, { deleteRef: r }));
    }
  ),
  new l(/^CONFLICT\s+\((.+)\):/, (t, [e]) => {
    t.conflicts.push(new Z(e, null));
  }),
  new l(/^Automatic merge failed;\s+(.+)$/, (t, [e]) => {
    t.result = e;
  })
], Cr = (t, e) => Object.assign(Ar(t), ue(t, e)), Ar = (t) => E(new dr(), Or, t);
function At(t) {
  return t.length ? {
    commands: ["merge", ...t],
    format: "utf-8",
    parser(e, n) {
      const r = Cr(e, n);
      if (r.failed)
        throw new at(r);
      return r;
    }
  } : b("Git.merge requires at least one option");
}
function xr(t, e, n) {
  const r = n.includes("deleted"), s = n.includes("tag") || /^refs\/tags/.test(t), o = !n.includes("new");
  return {
    deleted: r,
    tag: s,
    branch: !s,
    new: !o,
    alreadyUpdated: o,
    local: t,
    remote: e
  };
}
const Nr = [
  new l(/^Pushing to (.+)$/, (t, [e]) => {
    t.repo = e;
  }),
  new l(/^updating local tracking ref '(.+)'/, (t, [e]) => {
    t.ref = {
      ...t.ref || {},
      local: e
    };
  }),
  new l(/^[=*-]\s+([^:]+):(\S+)\s+\[(.+)]$/, (t, [e, n, r]) => {
    t.pushed.push(xr(e, n, r));
  }),
  new l(
    /^Branch '([^']+)' set up to track remote branch '([^']+)' from '([^']+)'/,
    (t, [e, n, r]) => {
      t.branch = {
        ...t.branch || {},
        local: e,
        remote: n,
        remoteName: r
      };
    }
  ),
  new l(
    /^([^:]+):(\S+)\s+([a-z0-9]+)\.\.([a-z0-9]+)$/,
    (t, [e, n, r, s]) => {
      t.update = {
        head: {
          local: e,
          remote: n
        },
        hash: {
          from: r,
          to: s
        }
      };
    }
  )
], $r = (t, e) => {
  const n = Pr(t, e), r = ae(t, e);
  return {
    ...n,
    ...r
  };
}, Pr = (t, e) => E({ pushed: [] }, Nr, [t, e]);
function Mr(t = {}, e) {
  return S(e, "--tags"), ce(t, e);
}
function ce(t = {}, e) {
  const n = ["push", ...e];
  return t.branch && n.splice(1, 0, t.branch), t.remote && n.splice(1, 0, t.remote), ct(n, "-v"), S(n, "--verbose"), S(n, "--porcelain"), {
    commands: n,
    format: "utf-8",
    parser: $r
  };
}
function Dr() {
  return {
    showBuffer() {
      const t = ["show", ...h(arguments, 1)];
      return t.includes("--binary") || t.splice(1, 0, "--binary"), this._runTask(
        Gt(t),
        u(arguments)
      );
    },
    show() {
      const t = ["show", ...h(arguments, 1)];
      return this._runTask(
        g(t),
        u(arguments)
      );
    }
  };
}
const Lr = /^(.+)\0(.+)$/;
class jr {
  constructor(e, n, r) {
    if (this.path = e, this.index = n, this.working_dir = r, n === "R" || r === "R") {
      const s = Lr.exec(e) || [null, e, e];
      this.from = s[2] || "", this.path = s[1] || "";
    }
  }
}
class Br {
  constructor() {
    this.not_added = [], this.conflicted = [], this.created = [], this.deleted = [], this.ignored = void 0, this.modified = [], this.renamed = [], this.files = [], this.staged = [], this.ahead = 0, this.behind = 0, this.current = null, this.tracking = null, this.detached = false, this.isClean = () => !this.files.length;
  }
}
function xt(t) {
  const [e, n] = t.split(I);
  return {
    from: n || e,
    to: e
  };
}
function _(t, e, n) {
  return [`${t}${e}`, n];
}
function et(t, ...e) {
  return e.map((n) => _(t, n, (r, s) => r.conflicted.push(s)));
}
const Ir = new Map([
  _(
    " ",
    "A",
    (t, e) => t.created.push(e)
  ),
  _(
    " ",
    "D",
    (t, e) => t.deleted.push(e)
  ),
  _(
    " ",
    "M",
    (t, e) => t.modified.push(e)
  ),
  _("A", " ", (t, e) => {
    t.created.push(e), t.staged.push(e);
  }),
  _("A", "M", (t, e) => {
    t.created.push(e), t.staged.push(e), t.modified.push(e);
  }),
  _("D", " ", (t, e) => {
    t.deleted.push(e), t.staged.push(e);
  }),
  _("M", " ", (t, e) => {
    t.modified.push(e), t.staged.push(e);
  }),
  _("M", "M", (t, e) => {
    t.modified.push(e), t.staged.push(e);
  }),
  _("R", " ", (t, e) => {
    t.renamed.push(xt(e));
  }),
  _("R", "M", (t, e) => {
    const n = xt(e);
    t.renamed.push(n), t.modified.push(n.to);
  }),
  _("!", "!", (t, e) => {
    (t.ignored = t.ignored || []).push(e);
  }),
  _(
    "?",
    "?",
    (t, e) => t.not_added.push(e)
  ),
  ...et(
    "A",
    "A",
    "U"
    /* UNMERGED */
  ),
  ...et(
    "D",
    "D",
    "U"
    /* UNMERGED */
  ),
  ...et(
    "U",
    "A",
    "D",
    "U"
    /* UNMERGED */
  ),
  [
    "##",
    (t, e) => {
      const n = /ahead (\d+)/, r = /behind (\d+)/, s = /^(.+?(?=(?:\.{3}|\s|$)))/, o = /\.{3}(\S*)/, i = /\son\s(\S+?)(?=\.{3}|$)/;
      let a = n.exec(e);
      t.ahead = a && +a[1] || 0, a = r.exec(e), t.behind = a && +a[1] || 0, a = s.exec(e), t.current = d(a?.[1], m, null), a = o.exec(e), t.tracking = d(a?.[1], m, null), a = i.exec(e), a && (t.current = d(a?.[1], m, t.current)), t.detached = /\(no branch\)/.test(e);
    }
  ]
]), Ur = function(t) {
  const e = t.split(I), n = new Br();
  for (let r = 0, s = e.length; r < s; ) {
    let o = e[r++].trim();
    o && (o.charAt(0) === "R" && (o += I + (e[r++] || "")), Fr(n, o));
  }
  return n;
};
function Fr(t, e) {
  const n = e.trim();
  switch (" ") {
    case n.charAt(2):
      return r(n.charAt(0), n.charAt(1), n.slice(3));
    case n.charAt(1):
      return r(" ", n.charAt(0), n.slice(2));
    default:
      return;
  }
  function r(s, o, i) {
    const a = `${s}${o}`, c = Ir.get(a);
    c && c(t, i), a !== "##" && a !== "!!" && t.files.push(new jr(i, s, o));
  }
}
const Gr = ["--null", "-z"];
function zr(t) {
  return {
    format: "utf-8",
    commands: [
      "status",
      "--porcelain",
      "-b",
      "-u",
      "--null",
      ...t.filter((n) => !Gr.includes(n))
    ],
    parser(n) {
      return Ur(n);
    }
  };
}
const fe = "installed=false";
function q(t = 0, e = 0, n = 0, r = "", s = true) {
  return Object.defineProperty(
    {
      major: t,
      minor: e,
      patch: n,
      agent: r,
      installed: s
    },
    "toString",
    {
      value() {
        return `${this.major}.${this.minor}.${this.patch}`;
      },
      configurable: false,
      enumerable: false
    }
  );
}
function qr() {
  return q(0, 0, 0, "", false);
}
function Wr() {
  return {
    version() {
      return this._runTask({
        commands: ["--version"],
        format: "utf-8",
        parser: Kr,
        onError(t, e, n, r) {
          if (t.exitCode === V.NOT_FOUND)
            return n(Buffer.from(fe));
          r(e);
        }
      });
    }
  };
}
const Hr = [
  new l(
    /version (\d+)\.(\d+)\.(\d+)(?:\s*\((.+)\))?/,
    (t, [e, n, r, s = ""]) => {
      Object.assign(
        t,
        q(p(e), p(n), p(r), s)
      );
    }
  ),
  new l(
    /version (\d+)\.(\d+)\.(\D+)(.+)?$/,
    (t, [e, n, r, s = ""]) => {
      Object.assign(t, q(p(e), p(n), r, s));
    }
  )
];
function Kr(t) {
  return t === fe ? qr() : E(q(0, 0, 0, t), Hr, t);
}
class le {
  constructor(e) {
    this._executor = e;
  }
  _runTask(e, n) {
    const r = this._executor.chain(), s = r.push(e);
    return n && Ln(e, s, n), Object.create(this, {
      then: { value: s.then.bind(s) },
      catch: { value: s.catch.bind(s) },
      _executor: { value: r }
    });
  }
  add(e) {
    return this._runTask(
      g(["add", ...v(e)]),
      u(arguments)
    );
  }
  cwd(e) {
    const n = u(arguments);
    return typeof e == "string" ? this._runTask(St(e, this._executor), n) : typeof e?.path == "string" ? this._runTask(
      St(
        e.path,
        e.root && this._executor || void 0
      ),
      n
    ) : this._runTask(
      b("Git.cwd: workingDirectory must be supplied as a string"),
      n
    );
  }
  hashObject(e, n) {
    return this._runTask(
      Vn(e, n === true),
      u(arguments)
    );
  }
  init(e) {
    return this._runTask(
      Zn(e === true, this._executor.cwd, h(arguments)),
      u(arguments)
    );
  }
  merge() {
    return this._runTask(
      At(h(arguments)),
      u(arguments)
    );
  }
  mergeFromTo(e, n) {
    return m(e) && m(n) ? this._runTask(
      At([e, n, ...h(arguments)]),
      u(arguments, false)
    ) : this._runTask(
      b(
        "Git.mergeFromTo requires that the 'remote' and 'branch' arguments are supplied as strings"
      )
    );
  }
  outputHandler(e) {
    return this._executor.outputHandler = e, this;
  }
  push() {
    const e = ce(
      {
        remote: d(arguments[0], m),
        branch: d(arguments[1], m)
      },
      h(arguments)
    );
    return this._runTask(e, u(arguments));
  }
  stash() {
    return this._runTask(
      g(["stash", ...h(arguments)]),
      u(arguments)
    );
  }
  status() {
    return this._runTask(
      zr(h(arguments)),
      u(arguments)
    );
  }
}
Object.assign(
  le.prototype,
  jn(),
  In(),
  zn(),
  Tn(),
  Hn(),
  Kn(),
  On(),
  er(),
  pr(),
  Dr(),
  Wr()
);
const Vr = /* @__PURE__ */ (() => {
  let t = 0;
  return () => {
    t++;
    const { promise: e, done: n } = distExports$1.createDeferred();
    return {
      promise: e,
      done: n,
      id: t
    };
  };
})();
class Xr {
  constructor(e = 2) {
    this.concurrency = e, this.logger = $("", "scheduler"), this.pending = [], this.running = [], this.logger("Constructed, concurrency=%s", e);
  }
  schedule() {
    if (!this.pending.length || this.running.length >= this.concurrency) {
      this.logger(
        "Schedule attempt ignored, pending=%s running=%s concurrency=%s",
        this.pending.length,
        this.running.length,
        this.concurrency
      );
      return;
    }
    const e = S(this.running, this.pending.shift());
    this.logger("Attempting id=%s", e.id), e.done(() => {
      this.logger("Completing id=", e.id), ct(this.running, e), this.schedule();
    });
  }
  next() {
    const { promise: e, id: n } = S(this.pending, Vr());
    return this.logger("Scheduling id=%s", n), this.schedule(), e;
  }
}
function Yr(t, e) {
  return g(["apply", ...e, ...t]);
}
var he = /* @__PURE__ */ ((t) => (t.CURRENT = "*", t.LINKED = "+", t))(he || {});
class Qr {
  constructor() {
    this.all = [], this.branches = {}, this.current = "", this.detached = false;
  }
  push(e, n, r, s, o) {
    e === "*" && (this.detached = n, this.current = r), this.all.push(r), this.branches[r] = {
      current: e === "*",
      linkedWorkTree: e === "+",
      name: r,
      commit: s,
      label: o
    };
  }
}
const Jr = [
  new l(
    /^([*+]\s)?\((?:HEAD )?detached (?:from|at) (\S+)\)\s+([a-z0-9]+)\s(.*)$/,
    (t, [e, n, r, s]) => {
      t.push(Nt(e), true, n, r, s);
    }
  ),
  new l(
    /^([*+]\s)?(\S+)\s+([a-z0-9]+)\s?(.*)$/s,
    (t, [e, n, r, s]) => {
      t.push(Nt(e), false, n, r, s);
    }
  )
], Zr = new l(/^(\S+)$/s, (t, [e]) => {
  t.push(he.CURRENT, false, e, "", "");
});
function Nt(t) {
  return t ? t.charAt(0) : "";
}
function me(t, e = false) {
  return E(
    new Qr(),
    e ? [Zr] : Jr,
    t
  );
}
class ts {
  constructor() {
    this.all = [], this.branches = {}, this.errors = [];
  }
  get success() {
    return !this.errors.length;
  }
}
function es(t, e) {
  return {
    branch: t,
    hash: e,
    success: true
  };
}
function ns(t) {
  return {
    branch: t,
    hash: null,
    success: false
  };
}
const rs = /(\S+)\s+\(\S+\s([^)]+)\)/, pe = /^error[^']+'([^']+)'/m, ss = [
  new l(rs, (t, [e, n]) => {
    const r = es(e, n);
    t.all.push(r), t.branches[e] = r;
  }),
  new l(pe, (t, [e]) => {
    const n = ns(e);
    t.errors.push(n), t.all.push(n), t.branches[e] = n;
  })
], gt = (t, e) => E(new ts(), ss, [t, e]);
function de(t, e) {
  return e === V.ERROR && pe.test(t);
}
function os(t) {
  const e = ["-d", "-D", "--delete"];
  return t.some((n) => e.includes(n));
}
function is(t) {
  const e = os(t), n = t.includes("--show-current"), r = ["branch", ...t];
  return r.length === 1 && r.push("-a"), r.includes("-v") || r.splice(1, 0, "-v"), {
    format: "utf-8",
    commands: r,
    parser(s, o) {
      return e ? gt(s, o).all[0] : me(s, n);
    }
  };
}
function as() {
  return {
    format: "utf-8",
    commands: ["branch", "-v"],
    parser(t) {
      return me(t);
    }
  };
}
function us(t, e = false) {
  return {
    format: "utf-8",
    commands: ["branch", "-v", e ? "-D" : "-d", ...t],
    parser(n, r) {
      return gt(n, r);
    },
    onError({ exitCode: n, stdOut: r }, s, o, i) {
      if (!de(String(s), n))
        return i(s);
      o(r);
    }
  };
}
function cs(t, e = false) {
  const n = {
    format: "utf-8",
    commands: ["branch", "-v", e ? "-D" : "-d", t],
    parser(r, s) {
      return gt(r, s).branches[t];
    },
    onError({ exitCode: r, stdErr: s, stdOut: o }, i, a, c) {
      if (!de(String(i), r))
        return c(i);
      throw new at(
        n.parser(F(o), F(s)),
        String(i)
      );
    }
  };
  return n;
}
function fs(t) {
  return {
    commands: ["check-ignore", ...t],
    format: "utf-8",
    parser: ls
  };
}
function ls(t) {
  return t.split(/\n/g).map(hs).filter(Boolean);
}
function hs(t) {
  const e = t.trim().replace(/^["']|["']$/g, "");
  return e && normalize$1(e);
}
const ms = [
  new l(/From (.+)$/, (t, [e]) => {
    t.remote = e;
  }),
  new l(/\* \[new branch]\s+(\S+)\s*-> (.+)$/, (t, [e, n]) => {
    t.branches.push({
      name: e,
      tracking: n
    });
  }),
  new l(/\* \[new tag]\s+(\S+)\s*-> (.+)$/, (t, [e, n]) => {
    t.tags.push({
      name: e,
      tracking: n
    });
  }),
  new l(/- \[deleted]\s+\S+\s*-> (.+)$/, (t, [e]) => {
    t.deleted.push({
      tracking: e
    });
  }),
  new l(
    /\s*([^.]+)\.\.(\S+)\s+(\S+)\s*-> (.+)$/,
    (t, [e, n, r, s]) => {
      t.updated.push({
        name: r,
        tracking: s,
        to: n,
        from: e
      });
    }
  )
];
function ps(t, e) {
  return E({
    raw: t,
    remote: null,
    branches: [],
    tags: [],
    updated: [],
    deleted: []
  }, ms, [t, e]);
}
function ds(t) {
  return /^--upload-pack(=|$)/.test(t);
}
function gs(t, e, n) {
  const r = ["fetch", ...n];
  return t && e && r.push(t, e), r.find(ds) ? b("git.fetch: potential exploit argument blocked.") : {
    commands: r,
    format: "utf-8",
    parser: ps
  };
}
const ys = [
  new l(/^Renaming (.+) to (.+)$/, (t, [e, n]) => {
    t.moves.push({ from: e, to: n });
  })
];
function ws(t) {
  return E({ moves: [] }, ys, t);
}
function bs(t, e) {
  return {
    commands: ["mv", "-v", ...v(t), e],
    format: "utf-8",
    parser: ws
  };
}
function Ts(t, e, n) {
  const r = ["pull", ...n];
  return t && e && r.splice(1, 0, t, e), {
    commands: r,
    format: "utf-8",
    parser(s, o) {
      return ue(s, o);
    },
    onError(s, o, i, a) {
      const c = Rr(
        F(s.stdOut),
        F(s.stdErr)
      );
      if (c)
        return a(new at(c));
      a(o);
    }
  };
}
function ks(t) {
  const e = {};
  return ge(t, ([n]) => e[n] = { name: n }), Object.values(e);
}
function _s(t) {
  const e = {};
  return ge(t, ([n, r, s]) => {
    Object.hasOwn(e, n) || (e[n] = {
      name: n,
      refs: { fetch: "", push: "" }
    }), s && r && (e[n].refs[s.replace(/[^a-z]/g, "")] = r);
  }), Object.values(e);
}
function ge(t, e) {
  ut(t, (n) => e(n.split(/\s+/)));
}
function vs(t, e, n) {
  return g(["remote", "add", ...n, t, e]);
}
function Es(t) {
  const e = ["remote"];
  return t && e.push("-v"), {
    commands: e,
    format: "utf-8",
    parser: t ? _s : ks
  };
}
function Ss(t) {
  const e = [...t];
  return e[0] !== "ls-remote" && e.unshift("ls-remote"), g(e);
}
function Rs(t) {
  const e = [...t];
  return e[0] !== "remote" && e.unshift("remote"), g(e);
}
function Os(t) {
  return g(["remote", "remove", t]);
}
function Cs(t = {}, e) {
  const n = oe(t), r = ["stash", "list", ...n.commands, ...e], s = re(
    n.splitter,
    n.fields,
    pt(r)
  );
  return dt(r) || {
    commands: r,
    format: "utf-8",
    parser: s
  };
}
function As(t, e) {
  return X(["add", t, e]);
}
function xs(t) {
  return X(["init", ...t]);
}
function X(t) {
  const e = [...t];
  return e[0] !== "submodule" && e.unshift("submodule"), g(e);
}
function Ns(t) {
  return X(["update", ...t]);
}
class $s {
  constructor(e, n) {
    this.all = e, this.latest = n;
  }
}
const Ps = function(t, e = false) {
  const n = t.split(`
`).map(Ds).filter(Boolean);
  e || n.sort(function(s, o) {
    const i = s.split("."), a = o.split(".");
    if (i.length === 1 || a.length === 1)
      return Ms(B(i[0]), B(a[0]));
    for (let c = 0, y = Math.max(i.length, a.length); c < y; c++) {
      const w = ye(B(i[c]), B(a[c]));
      if (w)
        return w;
    }
    return 0;
  });
  const r = e ? n[0] : [...n].reverse().find((s) => s.indexOf(".") >= 0);
  return new $s(n, r);
};
function Ms(t, e) {
  const n = Number.isNaN(t), r = Number.isNaN(e);
  return n !== r ? n ? 1 : -1 : n ? ye(t, e) : 0;
}
function ye(t, e) {
  return t === e ? 0 : t > e ? 1 : -1;
}
function Ds(t) {
  return t.trim();
}
function B(t) {
  return typeof t == "string" && parseInt(t.replace(/^\D+/g, ""), 10) || 0;
}
function Ls(t = []) {
  const e = t.some((n) => /^--sort=/.test(n));
  return {
    format: "utf-8",
    commands: ["tag", "-l", ...t],
    parser(n) {
      return Ps(n, e);
    }
  };
}
function js(t) {
  return {
    format: "utf-8",
    commands: ["tag", t],
    parser() {
      return { name: t };
    }
  };
}
function Bs(t, e) {
  return {
    format: "utf-8",
    commands: ["tag", "-a", "-m", e, t],
    parser() {
      return { name: t };
    }
  };
}
function f(t, e) {
  this._plugins = e, this._executor = new Dn(
    t.baseDir,
    new Xr(t.maxConcurrentProcesses),
    e
  ), this._trimmed = t.trimmed;
}
(f.prototype = Object.create(le.prototype)).constructor = f;
f.prototype.customBinary = function(t) {
  return this._plugins.reconfigure("binary", t), this;
};
f.prototype.env = function(t, e) {
  return arguments.length === 1 && typeof t == "object" ? this._executor.env = t : (this._executor.env = this._executor.env || {})[t] = e, this;
};
f.prototype.stashList = function(t) {
  return this._runTask(
    Cs(
      ht(arguments) || {},
      K(t) && t || []
    ),
    u(arguments)
  );
};
f.prototype.mv = function(t, e) {
  return this._runTask(bs(t, e), u(arguments));
};
f.prototype.checkoutLatestTag = function(t) {
  var e = this;
  return this.pull(function() {
    e.tags(function(n, r) {
      e.checkout(r.latest, t);
    });
  });
};
f.prototype.pull = function(t, e, n, r) {
  return this._runTask(
    Ts(
      d(t, m),
      d(e, m),
      h(arguments)
    ),
    u(arguments)
  );
};
f.prototype.fetch = function(t, e) {
  return this._runTask(
    gs(
      d(t, m),
      d(e, m),
      h(arguments)
    ),
    u(arguments)
  );
};
f.prototype.tags = function(t, e) {
  return this._runTask(
    Ls(h(arguments)),
    u(arguments)
  );
};
f.prototype.rebase = function() {
  return this._runTask(
    g(["rebase", ...h(arguments)]),
    u(arguments)
  );
};
f.prototype.reset = function(t) {
  return this._runTask(
    An(xn(t), h(arguments)),
    u(arguments)
  );
};
f.prototype.revert = function(t) {
  const e = u(arguments);
  return typeof t != "string" ? this._runTask(b("Commit must be a string"), e) : this._runTask(
    g(["revert", ...h(arguments, 0, true), t]),
    e
  );
};
f.prototype.addTag = function(t) {
  const e = typeof t == "string" ? js(t) : b("Git.addTag requires a tag name");
  return this._runTask(e, u(arguments));
};
f.prototype.addAnnotatedTag = function(t, e) {
  return this._runTask(
    Bs(t, e),
    u(arguments)
  );
};
f.prototype.deleteLocalBranch = function(t, e, n) {
  return this._runTask(
    cs(t, typeof e == "boolean" ? e : false),
    u(arguments)
  );
};
f.prototype.deleteLocalBranches = function(t, e, n) {
  return this._runTask(
    us(t, typeof e == "boolean" ? e : false),
    u(arguments)
  );
};
f.prototype.branch = function(t, e) {
  return this._runTask(
    is(h(arguments)),
    u(arguments)
  );
};
f.prototype.branchLocal = function(t) {
  return this._runTask(as(), u(arguments));
};
f.prototype.raw = function(t) {
  const e = !Array.isArray(t), n = [].slice.call(e ? arguments : t, 0);
  for (let s = 0; s < n.length && e; s++)
    if (!st(n[s])) {
      n.splice(s, n.length - s);
      break;
    }
  n.push(...h(arguments, 0, true));
  var r = u(arguments);
  return n.length ? this._runTask(g(n, this._trimmed), r) : this._runTask(
    b("Raw: must supply one or more command to execute"),
    r
  );
};
f.prototype.submoduleAdd = function(t, e, n) {
  return this._runTask(As(t, e), u(arguments));
};
f.prototype.submoduleUpdate = function(t, e) {
  return this._runTask(
    Ns(h(arguments, true)),
    u(arguments)
  );
};
f.prototype.submoduleInit = function(t, e) {
  return this._runTask(
    xs(h(arguments, true)),
    u(arguments)
  );
};
f.prototype.subModule = function(t, e) {
  return this._runTask(
    X(h(arguments)),
    u(arguments)
  );
};
f.prototype.listRemote = function() {
  return this._runTask(
    Ss(h(arguments)),
    u(arguments)
  );
};
f.prototype.addRemote = function(t, e, n) {
  return this._runTask(
    vs(t, e, h(arguments)),
    u(arguments)
  );
};
f.prototype.removeRemote = function(t, e) {
  return this._runTask(Os(t), u(arguments));
};
f.prototype.getRemotes = function(t, e) {
  return this._runTask(Es(t === true), u(arguments));
};
f.prototype.remote = function(t, e) {
  return this._runTask(
    Rs(h(arguments)),
    u(arguments)
  );
};
f.prototype.tag = function(t, e) {
  const n = h(arguments);
  return n[0] !== "tag" && n.unshift("tag"), this._runTask(g(n), u(arguments));
};
f.prototype.updateServerInfo = function(t) {
  return this._runTask(
    g(["update-server-info"]),
    u(arguments)
  );
};
f.prototype.pushTags = function(t, e) {
  const n = Mr(
    { remote: d(t, m) },
    h(arguments)
  );
  return this._runTask(n, u(arguments));
};
f.prototype.rm = function(t) {
  return this._runTask(
    g(["rm", "-f", ...v(t)]),
    u(arguments)
  );
};
f.prototype.rmKeepLocal = function(t) {
  return this._runTask(
    g(["rm", "--cached", ...v(t)]),
    u(arguments)
  );
};
f.prototype.catFile = function(t, e) {
  return this._catFile("utf-8", arguments);
};
f.prototype.binaryCatFile = function() {
  return this._catFile("buffer", arguments);
};
f.prototype._catFile = function(t, e) {
  var n = u(e), r = ["cat-file"], s = e[0];
  if (typeof s == "string")
    return this._runTask(
      b("Git.catFile: options must be supplied as an array of strings"),
      n
    );
  Array.isArray(s) && r.push.apply(r, s);
  const o = t === "buffer" ? Gt(r) : g(r);
  return this._runTask(o, n);
};
f.prototype.diff = function(t, e) {
  const n = m(t) ? b(
    "git.diff: supplying options as a single string is no longer supported, switch to an array of strings"
  ) : g(["diff", ...h(arguments)]);
  return this._runTask(n, u(arguments));
};
f.prototype.diffSummary = function() {
  return this._runTask(
    fr(h(arguments, 1)),
    u(arguments)
  );
};
f.prototype.applyPatch = function(t) {
  const e = G(t) ? Yr(v(t), h([].slice.call(arguments, 1))) : b(
    "git.applyPatch requires one or more string patches as the first argument"
  );
  return this._runTask(e, u(arguments));
};
f.prototype.revparse = function() {
  const t = ["rev-parse", ...h(arguments, true)];
  return this._runTask(
    g(t, true),
    u(arguments)
  );
};
f.prototype.clean = function(t, e, n) {
  const r = un(t), s = r && t.join("") || d(t, m) || "", o = h([].slice.call(arguments, r ? 1 : 0));
  return this._runTask(
    on(s, o),
    u(arguments)
  );
};
f.prototype.exec = function(t) {
  const e = {
    commands: [],
    format: "utf-8",
    parser() {
      typeof t == "function" && t();
    }
  };
  return this._runTask(e);
};
f.prototype.checkIgnore = function(t, e) {
  return this._runTask(
    fs(v(d(t, G, []))),
    u(arguments)
  );
};
f.prototype.checkIsRepo = function(t, e) {
  return this._runTask(
    We(d(t, m)),
    u(arguments)
  );
};
function Is(t) {
  return t ? [{
    type: "spawn.before",
    action(r, s) {
      t.aborted && s.kill(new A(void 0, "abort", "Abort already signaled"));
    }
  }, {
    type: "spawn.after",
    action(r, s) {
      function o() {
        s.kill(new A(void 0, "abort", "Abort signal received"));
      }
      t.addEventListener("abort", o), s.spawned.on("close", () => t.removeEventListener("abort", o));
    }
  }] : void 0;
}
const Us = $("", "plugin:allowEnvironment");
function Fs(t, e = false) {
  const n = new Set(t.map((r) => r.toLowerCase().trim()));
  return {
    type: "spawn.options",
    action(r, s) {
      const o = { ...r.env ?? process.env }, i = new Set(
        Object.keys(s.env).map((a) => a.toLowerCase().trim())
      );
      for (const a of Object.keys(o)) {
        const c = a.toLowerCase().trim();
        if (!(!Gs(c) || n.has(c))) {
          if (i.has(c))
            throw new A(
              void 0,
              "allowEnvironment",
              `Use of "${a}" is blocked by the environment guard - add it to the allowEnvironment option to permit it`
            );
          Us("removing ambient guarded environment variable %s", a), delete o[a];
        }
      }
      return {
        ...r,
        env: {
          ...o,
          GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS: String(!e)
        }
      };
    }
  };
}
function Gs(t) {
  const e = t.toLowerCase().trim();
  return e.startsWith("git_") || _$1(e);
}
function zs(t = {}) {
  return {
    type: "spawn.args",
    action(e, { env: n }) {
      for (const r of oe$1(e, n))
        if (t[r.category] !== true)
          throw new A(void 0, "unsafe", r.message);
      return e;
    }
  };
}
function qs(t) {
  const e = U(t, "-c");
  return {
    type: "spawn.args",
    action(n) {
      return [...e, ...n];
    }
  };
}
const $t = distExports$1.deferred().promise;
function Ws({
  onClose: t = true,
  onExit: e = 50
} = {}) {
  function n() {
    let s = -1;
    const o = {
      close: distExports$1.deferred(),
      closeTimeout: distExports$1.deferred(),
      exit: distExports$1.deferred(),
      exitTimeout: distExports$1.deferred()
    }, i = Promise.race([
      t === false ? $t : o.closeTimeout.promise,
      e === false ? $t : o.exitTimeout.promise
    ]);
    return r(t, o.close, o.closeTimeout), r(e, o.exit, o.exitTimeout), {
      close(a) {
        s = a, o.close.done();
      },
      exit(a) {
        s = a, o.exit.done();
      },
      get exitCode() {
        return s;
      },
      result: i
    };
  }
  function r(s, o, i) {
    s !== false && (s === true ? o.promise : o.promise.then(() => wt(s))).then(i.done);
  }
  return {
    type: "spawn.after",
    async action(s, { spawned: o, close: i }) {
      const a = n();
      let c = true, y = () => {
        c = false;
      };
      o.stdout?.on("data", y), o.stderr?.on("data", y), o.on("error", y), o.on("close", (w) => a.close(w)), o.on("exit", (w) => a.exit(w));
      try {
        await a.result, c && await wt(50), i(a.exitCode);
      } catch (w) {
        i(a.exitCode, w);
      }
    }
  };
}
const we = $("", "plugin:binary"), Hs = "Invalid value supplied for custom binary, requires a single string or an array containing either one or two strings", Ks = "Invalid value supplied for custom binary, restricted characters must be removed or supply the unsafe.allowUnsafeCustomBinary option";
function Vs(t) {
  return !t || !/^([a-z]:)?([a-z0-9/.\\_~-]+)$/i.test(t);
}
function Pt(t, e) {
  if (t.length < 1 || t.length > 2)
    throw new A(void 0, "binary", Hs);
  if (t.some(Vs))
    if (e)
      we("permitted unsafe binary %o", t);
    else
      throw new A(void 0, "binary", Ks);
  const [r, s] = t;
  return {
    binary: r,
    prefix: s
  };
}
function Xs(t, e = ["git"], n = false) {
  let r = Pt(v(e), n);
  t.on("binary", (s) => {
    r = Pt(v(s), n), we.info("reconfiguring %o", r);
  }), t.append("spawn.binary", () => r.binary), t.append("spawn.args", (s) => r.prefix ? [r.prefix, ...s] : s);
}
const be = {
  DISALLOWED_ABBREVIATED: {
    text: "disallowed abbreviated or ambiguous option",
    solution: "Unambiguous abbreviated options blocked with unsafe.allowAbbreviatedOptions setting: {message}"
  },
  UNKNOWN: {
    text: "~ unknown ~",
    solution: void 0
  }
};
function Ys(t) {
  if (!t)
    return "UNKNOWN";
  for (const [e, { text: n }] of Object.entries(be))
    if (t.startsWith(`fatal: ${n}`))
      return e;
  return "UNKNOWN";
}
class Qs extends O {
  constructor(e = "") {
    const n = Ys(e);
    super(void 0, be[n].solution?.replace("{message}", e) ?? e), this.reason = n;
  }
}
function Js(t) {
  return !!(t.exitCode && t.stdErr.length);
}
function Zs(t) {
  return Buffer.concat([...t.stdOut, ...t.stdErr]);
}
function to(t = false, e = Js, n = Zs) {
  return (r, s) => !t && r || !e(s) ? r : n(s);
}
function eo(t, e) {
  return t === 128 && e.startsWith("fatal:") ? new Qs(e) : new O(void 0, e);
}
function Mt(t) {
  return {
    type: "task.error",
    action(e, n) {
      const r = t(e.error, {
        stdErr: n.stdErr,
        stdOut: n.stdOut,
        exitCode: n.exitCode
      });
      return Buffer.isBuffer(r) ? {
        error: eo(n.exitCode, r.toString("utf-8"))
      } : {
        error: r
      };
    }
  };
}
const nt = $("", "plugin:input");
function no(t) {
  return {
    type: "spawn.after",
    action(e, { commands: n, input: r, spawned: { stdin: s } }) {
      if (!s)
        return;
      const o = t?.([...n]) ?? r;
      if (!o)
        return nt("generated zero length content, not writing to stdin");
      nt("writing %s bytes to stdin", Le(o)), s.on("error", (i) => {
        i.code !== "EPIPE" && nt("[ERROR] stdin error %o", i);
      }), s.end(o);
    }
  };
}
class ro {
  constructor() {
    this.plugins = /* @__PURE__ */ new Set(), this.events = new EventEmitter();
  }
  on(e, n) {
    this.events.on(e, n);
  }
  reconfigure(e, n) {
    this.events.emit(e, n);
  }
  append(e, n) {
    const r = S(this.plugins, { type: e, action: n });
    return () => this.plugins.delete(r);
  }
  add(e) {
    const n = [];
    return v(e).forEach(
      (r) => {
        r && this.plugins.add(S(n, r));
      }
    ), () => {
      n.forEach((r) => {
        this.plugins.delete(r);
      });
    };
  }
  exec(e, n, r) {
    let s = n;
    const o = Object.freeze(Object.create(r));
    for (const i of this.plugins)
      i.type === e && (s = i.action(s, o));
    return s;
  }
}
function so(t) {
  const e = "--progress", n = ["checkout", "clone", "fetch", "pull", "push"];
  return [{
    type: "spawn.args",
    action(o, i) {
      return n.includes(i.method) ? De(o, e) : o;
    }
  }, {
    type: "spawn.after",
    action(o, i) {
      i.commands.includes(e) && i.spawned.stderr?.on("data", (a) => {
        const c = /^([\s\S]+?):\s*(\d+)% \((\d+)\/(\d+)\)/.exec(a.toString("utf8"));
        c && t({
          method: i.method,
          stage: oo(c[1]),
          progress: p(c[2]),
          processed: p(c[3]),
          total: p(c[4])
        });
      });
    }
  }];
}
function oo(t) {
  return String(t.toLowerCase().split(" ", 1)) || "unknown";
}
function io(t) {
  const e = je(t, ["uid", "gid"]);
  return {
    type: "spawn.options",
    action(n) {
      return { ...e, ...n };
    }
  };
}
function ao() {
  return {
    type: "spawn.args",
    action(t) {
      const e = [];
      let n;
      function r$1(s) {
        (n = n || []).push(...s);
      }
      for (let s = 0; s < t.length; s++) {
        const o$1 = t[s];
        if (r(o$1)) {
          r$1(o(o$1));
          continue;
        }
        if (o$1 === "--") {
          r$1(
            t.slice(s + 1).flatMap((i) => r(i) && o(i) || i)
          );
          break;
        }
        e.push(o$1);
      }
      return n ? [...e, "--", ...n.map(String)] : e;
    }
  };
}
function uo({
  block: t,
  stdErr: e = true,
  stdOut: n = true
}) {
  if (t > 0)
    return {
      type: "spawn.after",
      action(r, s) {
        let o;
        function i() {
          o && clearTimeout(o), o = setTimeout(c, t);
        }
        function a() {
          s.spawned.stdout?.off("data", i), s.spawned.stderr?.off("data", i), s.spawned.off("exit", a), s.spawned.off("close", a), o && clearTimeout(o);
        }
        function c() {
          a(), s.kill(new A(void 0, "timeout", "block timeout reached"));
        }
        n && s.spawned.stdout?.on("data", i), e && s.spawned.stderr?.on("data", i), s.spawned.on("exit", a), s.spawned.on("close", a), i();
      }
    };
}
const wo = (t, e) => {
  const n = new ro(), r = Ge(
    t && (typeof t == "string" ? { baseDir: t } : t) || {},
    e
  );
  if (!Lt(r.baseDir))
    throw new Ae(
      r,
      "Cannot use simple-git on a directory that does not exist"
    );
  return Array.isArray(r.config) && n.add(qs(r.config)), n.add(zs(r.unsafe)), n.add(Ws(r.completion)), r.abort && n.add(Is(r.abort)), r.progress && n.add(so(r.progress)), r.timeout && n.add(uo(r.timeout)), r.spawnOptions && n.add(io(r.spawnOptions)), n.add(ao()), n.add(no(r.input)), n.add(Mt(to(true))), r.errors && n.add(Mt(r.errors)), Xs(n, r.binary, r.unsafe?.allowUnsafeCustomBinary), n.add(
    Fs(r.allowEnvironment ?? [], r.unsafe?.allowAbbreviatedOptions)
  ), new f(r, n);
};

// The only module that talks to git (through simple-git). One small method per verb; every git
// failure becomes a GitError (or GitRefError for a revision git does not know) with a readable message.
/** git failed, or is missing; the message says what was asked and what git answered. */
class GitError extends Error {
}
/** A branch, tag or commit that git does not know. */
class GitRefError extends GitError {
    ref;
    constructor(ref, message) {
        super(message);
        this.ref = ref;
    }
}
const STATUS = {
    A: 'added',
    M: 'modified',
    D: 'deleted',
    R: 'renamed',
    C: 'copied',
    T: 'type-changed',
};
class Git {
    git;
    root;
    inRepo;
    constructor(git, 
    /** The repository's top folder, or the given folder when it is not in a repository. */
    root, inRepo) {
        this.git = git;
        this.root = root;
        this.inRepo = inRepo;
    }
    /** Opens the repository that holds `cwd` (a folder outside any repository gives isRepo() false). */
    static async create(cwd) {
        const dir = resolve(cwd);
        const info = await stat(dir).catch(() => undefined);
        if (!info?.isDirectory())
            throw new GitError(`${dir} is not a folder, so git cannot run there.`);
        const probe = wo({ baseDir: dir });
        try {
            const top = (await probe.raw(['rev-parse', '--show-toplevel'])).trim();
            return new Git(wo({ baseDir: top }), top, true);
        }
        catch (e) {
            if (isMissingGit(e))
                throw new GitError('git is not installed or not on PATH; install git to compare with a base.');
            const detail = e instanceof Error ? e.message.trim() : String(e);
            if (/not a git repository/i.test(detail))
                return new Git(probe, dir, false);
            if (/dubious ownership/i.test(detail)) {
                throw new GitError(`git refuses to work in ${dir} (owned by another user); run: git config --global --add safe.directory ${dir}`);
            }
            throw new GitError(`git rev-parse failed in ${dir}: ${detail.split('\n')[0] ?? ''}`);
        }
    }
    async isRepo() {
        return this.inRepo;
    }
    /** True when `ref` names a commit. */
    async refExists(ref) {
        try {
            await this.run(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]);
            return true;
        }
        catch (e) {
            if (e instanceof GitError)
                return false;
            throw e;
        }
    }
    /** The commit id `ref` names. */
    async resolve(ref) {
        await this.mustExist(ref);
        return (await this.run(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).trim();
    }
    /** The best common ancestor of two revisions, or undefined when they share none (or history is shallow). */
    async mergeBase(a, b) {
        try {
            return (await this.run(['merge-base', '--end-of-options', a, b])).trim() || undefined;
        }
        catch (e) {
            if (e instanceof GitError)
                return undefined;
            throw e;
        }
    }
    /**
     * Files that differ between `base` and the working tree (staged or not, renames followed),
     * plus untracked files that are not ignored.
     */
    async changedFiles(base) {
        await this.mustExist(base);
        const diff = await this.run([
            'diff',
            '--name-status',
            '-z',
            '-M',
            '--no-ext-diff',
            '--no-color',
            base,
            '--',
        ]);
        const out = [];
        const fields = diff.split('\0');
        for (let i = 0; i < fields.length;) {
            const code = fields[i++] ?? '';
            if (code === '')
                continue;
            const status = STATUS[code[0]] ?? 'other';
            if (status === 'renamed' || status === 'copied') {
                const from = fields[i++] ?? '';
                out.push({ status, path: fields[i++] ?? '', from });
            }
            else
                out.push({ status, path: fields[i++] ?? '' });
        }
        const untracked = await this.run(['ls-files', '--others', '--exclude-standard', '--full-name', '-z']);
        for (const path of untracked.split('\0'))
            if (path)
                out.push({ status: 'untracked', path });
        return out;
    }
    /** A file's bytes at a revision, or undefined when the file is not there. */
    async fileAt(ref, path) {
        await this.mustExist(ref);
        const spec = `${ref}:${path.replace(/^\.?\//, '')}`;
        try {
            await this.run(['cat-file', '-e', spec]);
        }
        catch (e) {
            if (e instanceof GitError)
                return undefined;
            throw e;
        }
        try {
            return await this.git.showBuffer([spec]);
        }
        catch (e) {
            throw this.wrap(['show', spec], e);
        }
    }
    async mustExist(ref) {
        if (!this.inRepo)
            throw new GitError(`${this.root} is not inside a git repository.`);
        if (!(await this.refExists(ref))) {
            throw new GitRefError(ref, `git does not know the revision ${ref}; fetch it, or name a branch, tag or commit that exists.`);
        }
    }
    async run(args) {
        try {
            return await this.git.raw(args);
        }
        catch (e) {
            throw this.wrap(args, e);
        }
    }
    wrap(args, e) {
        if (e instanceof GitError)
            return e;
        if (isMissingGit(e))
            return new GitError('git is not installed or not on PATH; install git to compare with a base.');
        const detail = e instanceof Error ? e.message.trim().split('\n')[0] : String(e);
        return new GitError(`git ${args[0] ?? ''} failed in ${this.root}: ${detail || 'no message'}`);
    }
}
function isMissingGit(e) {
    return e instanceof Error && /\bspawn\b.*\bENOENT\b/.test(e.message);
}

// Small text helpers shared by the framework extractors: blanking what does not run while
// keeping every line and column, splitting into lines with their offsets, sort keys.
/** Replaces every character except `\n` and `\r` by a space (one per UTF-16 unit, so columns stay). */
function blank$1(text) {
    return text.replace(/[^\r\n]/g, ' ');
}
function lines(text) {
    const out = [];
    let start = 0;
    let number = 1;
    for (;;) {
        const nl = text.indexOf('\n', start);
        const end = nl === -1 ? text.length : nl;
        const raw = text.slice(start, end);
        out.push({ number, start, end, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
        if (nl === -1)
            return out;
        start = nl + 1;
        number++;
    }
}
/**
 * True when the text holds anything besides white space and SQL comments (`--` lines and
 * nested block comments). Stops at the first such character, so quoting does not matter.
 */
function hasStatements(text) {
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
        }
        else if (c === '-' && text[i + 1] === '-') {
            const nl = text.indexOf('\n', i);
            i = nl === -1 ? text.length : nl + 1;
        }
        else if (c === '/' && text[i + 1] === '*') {
            let depth = 0;
            while (i < text.length) {
                if (text[i] === '/' && text[i + 1] === '*') {
                    depth++;
                    i += 2;
                }
                else if (text[i] === '*' && text[i + 1] === '/') {
                    depth--;
                    i += 2;
                    if (depth === 0)
                        break;
                }
                else
                    i++;
            }
        }
        else
            return true;
    }
    return false;
}
/** True when a line is empty, white space, or a `--` comment. */
function isCommentOrBlank(line) {
    const t = line.trim();
    return t === '' || t.startsWith('--');
}
const PAD = 20;
/** A run of digits as a fixed-width string (leading zeros dropped, then padded), so it sorts numerically. */
function padNumber(digits) {
    const trimmed = digits.replace(/^0+(?=\d)/, '');
    return trimmed.length >= PAD ? trimmed : trimmed.padStart(PAD, '0');
}
/** Pads every run of digits, so `2_b` sorts before `10_a` under any comparison. */
function numericKey(text) {
    return text.replace(/\d+/g, padNumber);
}
/** The one comparison of order keys (see MigrationFile.orderKey). */
function compareOrderKeys(a, b) {
    return ORDER.compare(a, b);
}
// One collator for every comparison: localeCompare with options builds a new one per call.
const ORDER = new Intl.Collator('en', { numeric: true });
/** Path with `/` separators (what git, globs and GitHub annotations use). */
function slashes(path) {
    return sep === '\\' ? path.split(sep).join('/') : path;
}
/** Blanks every line for which `keep` is false (its `\n` and `\r` stay). */
function keepLines(text, keep) {
    let out = '';
    for (const line of lines(text)) {
        const piece = text.slice(line.start, line.end);
        out += keep(line) ? piece : blank$1(piece);
        if (line.end < text.length)
            out += '\n';
    }
    return out;
}

/** A diagnostic of rule `input-error`. */
function inputDiagnostic(severity, line, column, message) {
    return { rule: 'input-error', severity, line, column, message };
}
/** The base name of a `/`-separated relative path. */
function baseName(rel) {
    return rel.slice(rel.lastIndexOf('/') + 1);
}
/** Fraction of `files` whose base name matches one of `patterns`. */
function nameShare(files, ...patterns) {
    if (files.length === 0)
        return 0;
    return files.filter((f) => patterns.some((p) => p.test(baseName(f)))).length / files.length;
}

const name$8 = 'dbmate';
const FILE$1 = /^(\d+).*\.sql$/;
const UP$1 = /^(\s*)--\s*migrate:up(?:\s+(.*))?$/;
const DOWN$1 = /^(\s*)--\s*migrate:down(?:\s.*)?$/;
const HAS_UP$1 = /^\s*--\s*migrate:up\b/m;
function detect$8(folder) {
    if (folder.files.length === 0)
        return 0;
    const marked = folder.files.filter((f) => HAS_UP$1.test(folder.text(f) ?? '')).length;
    return marked === 0 ? 0 : 0.95 * (marked / folder.files.length);
}
function order$8(folder) {
    const result = { entries: [], skipped: [], diagnostics: [] };
    for (const rel of folder.files) {
        const m = FILE$1.exec(baseName(rel));
        if (m)
            result.entries.push({ rel, orderKey: numericKey(baseName(rel)) });
        else {
            result.skipped.push({
                rel,
                reason: 'not named <version>_<name>.sql, so dbmate does not run it',
                notice: true,
            });
        }
    }
    return result;
}
function extract$8(text, ctx) {
    const all = lines(text);
    const diagnostics = [];
    const up = all.find((l) => UP$1.test(l.text));
    const down = all.find((l) => DOWN$1.test(l.text));
    if (!up) {
        diagnostics.push(inputDiagnostic('error', 1, 1, 'dbmate needs a `-- migrate:up` line before the up SQL and refuses this file; add one at the top'));
        return { sql: blank$1(text), transactional: true, diagnostics };
    }
    if (down && down.number < up.number) {
        diagnostics.push(inputDiagnostic('error', down.number, 1, '`-- migrate:down` comes before `-- migrate:up`, and dbmate refuses this file; put the up section first'));
        return { sql: blank$1(text), transactional: true, diagnostics };
    }
    for (const marker of down ? [up, down] : [up]) {
        const indent = (/^\s*/.exec(marker.text)?.[0] ?? '').length;
        if (indent === 0 || (ctx.bom && marker.number === 1 && indent === 1))
            continue;
        const effect = marker === up
            ? '`-- migrate:up` is indented, and dbmate only sees markers at the start of a line, so it would refuse this file'
            : '`-- migrate:down` is indented, and dbmate only sees markers at the start of a line, so it would run the down SQL as part of up (or refuse the file)';
        diagnostics.push(inputDiagnostic('warning', marker.number, indent + 1, `${effect}; move the marker to column 1`));
    }
    const stray = all.find((l) => l.number < up.number && !isCommentOrBlank(l.text));
    if (stray) {
        diagnostics.push(inputDiagnostic('error', stray.number, 1, 'dbmate refuses SQL before `-- migrate:up`; move it into the up section'));
    }
    const sql = keepLines(text, (l) => l.number < up.number ? isCommentOrBlank(l.text) : !(down && l.number > down.number));
    const options = (UP$1.exec(up.text)?.[2] ?? '').split(/\s+/).filter(Boolean);
    const transactional = !options.some((o) => o.toLowerCase() === 'transaction:false');
    return { sql, transactional, diagnostics };
}

var dbmate = /*#__PURE__*/Object.freeze({
    __proto__: null,
    detect: detect$8,
    extract: extract$8,
    name: name$8,
    order: order$8
});

// Drizzle Kit: `meta/_journal.json` lists the migrations (`entries[].tag`, in `idx` order); drizzle's
// migrator runs `<tag>.sql` for each entry and nothing else, all in one transaction.
// `--> statement-breakpoint` lines are SQL comments already.
const name$7 = 'drizzle';
const JOURNAL = 'meta/_journal.json';
function detect$7(folder) {
    return folder.aux(JOURNAL) !== undefined && folder.files.length > 0 ? 1 : 0;
}
function auxFiles$3() {
    return [JOURNAL];
}
/** The journal's tags in run order, or an explanation of what is wrong with it. */
function readJournal(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        return { error: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
    }
    const entries = data?.entries;
    if (!Array.isArray(entries))
        return { error: 'has no `entries` list' };
    const tags = [];
    entries.forEach((e, at) => {
        const entry = e;
        if (typeof entry?.tag === 'string') {
            tags.push({ tag: entry.tag, idx: typeof entry.idx === 'number' ? entry.idx : at, at });
        }
    });
    tags.sort((a, b) => a.idx - b.idx || a.at - b.at);
    return { tags: tags.map((t) => t.tag) };
}
function order$7(folder) {
    const result = { entries: [], skipped: [], diagnostics: [] };
    const text = folder.aux(JOURNAL);
    const journal = text === undefined ? { error: 'is missing' } : readJournal(text);
    if ('error' in journal) {
        folder.files.forEach((rel) => result.entries.push({ rel, orderKey: numericKey(rel) }));
        if (folder.files[0] !== undefined) {
            result.diagnostics.push({
                rel: folder.files[0],
                diagnostic: inputDiagnostic('warning', 1, 1, `${JOURNAL} ${journal.error}, so which files drizzle runs is unknown; all were taken in name order`),
            });
        }
        return result;
    }
    const position = new Map();
    journal.tags.forEach((tag, i) => position.set(`${tag}.sql`, i));
    for (const rel of folder.files) {
        const i = position.get(rel);
        if (i !== undefined)
            result.entries.push({ rel, orderKey: padNumber(String(i)) });
        else {
            result.skipped.push({
                rel,
                reason: `not in ${JOURNAL}, so drizzle-kit migrate does not run it; generate migrations with drizzle-kit generate, or delete the file`,
                notice: true,
            });
        }
    }
    return result;
}
function extract$7(text, _ctx) {
    return { sql: text, transactional: true, diagnostics: [] };
}

var drizzle = /*#__PURE__*/Object.freeze({
    __proto__: null,
    auxFiles: auxFiles$3,
    detect: detect$7,
    extract: extract$7,
    name: name$7,
    order: order$7,
    readJournal: readJournal
});

const name$6 = 'flyway';
const VERSIONED = /^V(\d+(?:[._]\d+)*)__(.*)\.sql$/;
const REPEATABLE = /^R__(.*)\.sql$/;
const UNDO = /^U\d+(?:[._]\d+)*__.*\.sql$/;
const BASELINE = /^B\d+(?:[._]\d+)*__.*\.sql$/;
const CALLBACK = /^(before|after)[A-Z][A-Za-z]*(__.*)?\.sql$/;
/** Statements PostgreSQL will not run inside a transaction block; Flyway then runs the script without one. */
const NON_TRANSACTIONAL = /^\s*(create\s+(unique\s+)?index\s+concurrently|drop\s+index\s+concurrently|reindex\b[^;]*\bconcurrently|vacuum\b|alter\s+system\b|(create|drop)\s+(database|tablespace)\b|alter\s+table\b[^;]*\bdetach\s+partition\b[^;]*\bconcurrently|(create|drop|alter)\s+subscription\b)/im;
const BUILT_INS = new Map([
    ['flyway:defaultSchema', () => 'public'],
    ['flyway:user', () => 'current_user'],
    ['flyway:database', () => 'postgres'],
    ['flyway:table', () => 'flyway_schema_history'],
    ['flyway:timestamp', () => '2000-01-01 00:00:00'],
    ['flyway:filename', (ctx) => baseName(ctx.rel)],
    ['flyway:workingDirectory', () => '.'],
    ['flyway:environment', () => 'default'],
]);
function detect$6(folder) {
    const share = nameShare(folder.files, VERSIONED, REPEATABLE, UNDO, BASELINE, CALLBACK);
    const runnable = nameShare(folder.files, VERSIONED, REPEATABLE);
    return runnable > 0 && share >= 0.5 ? 0.9 * share : 0;
}
function auxFiles$2(files) {
    return files.map((f) => `${f}.conf`);
}
function order$6(folder) {
    const result = { entries: [], skipped: [], diagnostics: [] };
    const seen = new Map();
    for (const rel of folder.files) {
        const file = baseName(rel);
        const v = VERSIONED.exec(file);
        const r = REPEATABLE.exec(file);
        if (v) {
            const version = normalVersion(v[1]);
            const key = `0/${version.map(padNumber).join('.')}`;
            const earlier = seen.get(key);
            if (earlier !== undefined) {
                result.diagnostics.push({
                    rel,
                    diagnostic: inputDiagnostic('error', 1, 1, `Flyway refuses two migrations with version ${version.join('.')} (${earlier} and ${file}); renumber one of them.`),
                });
            }
            else
                seen.set(key, file);
            result.entries.push({ rel, orderKey: key });
        }
        else if (r) {
            result.entries.push({ rel, orderKey: `1/${r[1]}`, repeatable: true });
        }
        else if (UNDO.test(file)) {
            result.skipped.push({
                rel,
                reason: 'an undo migration (Flyway runs it only on `flyway undo`)',
                notice: false,
            });
        }
        else if (BASELINE.test(file)) {
            result.skipped.push({
                rel,
                reason: 'a baseline migration (Flyway runs it only on an empty database, instead of the earlier ones)',
                notice: false,
            });
        }
        else if (CALLBACK.test(file)) {
            result.skipped.push({ rel, reason: 'a Flyway callback, not a migration', notice: false });
        }
        else {
            result.skipped.push({
                rel,
                reason: 'not named like a Flyway migration, so Flyway does not run it; name it V<version>__<description>.sql (two underscores) or R__<description>.sql',
                notice: true,
            });
        }
    }
    return result;
}
function extract$6(text, ctx) {
    const conf = parseConf(ctx.aux(`${ctx.rel}.conf`));
    const diagnostics = [];
    const sql = conf.get('placeholderReplacement') === 'false' ? text : substitute(text, ctx, diagnostics);
    const inTransaction = conf.get('executeInTransaction');
    const transactional = inTransaction !== undefined ? inTransaction !== 'false' : !NON_TRANSACTIONAL.test(sql);
    return { sql, transactional, diagnostics };
}
/** Version parts as Flyway compares them: numbers, trailing zero parts dropped (1.0 = 1). */
function normalVersion(version) {
    const parts = version.split(/[._]/).map((p) => p.replace(/^0+(?=\d)/, ''));
    while (parts.length > 1 && parts[parts.length - 1] === '0')
        parts.pop();
    return parts;
}
function parseConf(text) {
    const out = new Map();
    for (const line of (text ?? '').split(/\r?\n/)) {
        const m = /^\s*([\w.]+)\s*=\s*(.*?)\s*$/.exec(line);
        if (m)
            out.set(m[1], m[2].toLowerCase() === 'false' ? 'false' : m[2]);
    }
    return out;
}
/** Replaces `${name}` on each line; an unknown name becomes a bare identifier and an error. */
function substitute(text, ctx, diagnostics) {
    if (!text.includes('${'))
        return text;
    const lower = new Map(Object.entries(ctx.placeholders).map(([k, v]) => [k.toLowerCase(), v]));
    const valueOf = (key, line, column) => {
        const own = Object.hasOwn(ctx.placeholders, key) ? ctx.placeholders[key] : undefined;
        const value = own ?? lower.get(key.toLowerCase()) ?? BUILT_INS.get(key)?.(ctx);
        if (value !== undefined)
            return value.replace(/\r?\n/g, ' ');
        diagnostics.push(inputDiagnostic('error', line, column, `placeholder \${${key}} has no value; add it under placeholders: in .github/expand-contract.yml (as Flyway's configuration gives it)`));
        return key.replace(/[^A-Za-z0-9_]/g, '_') || 'placeholder';
    };
    let out = '';
    let last = 0;
    for (const line of lines(text)) {
        if (!line.text.includes('${'))
            continue;
        const replaced = line.text.replace(/\$\{([^}\r\n]*)\}/g, (_whole, key, offset) => valueOf(key, line.number, offset + 1));
        out += text.slice(last, line.start) + replaced;
        last = line.start + line.text.length;
    }
    return out + text.slice(last);
}

var flyway = /*#__PURE__*/Object.freeze({
    __proto__: null,
    auxFiles: auxFiles$2,
    detect: detect$6,
    extract: extract$6,
    name: name$6,
    order: order$6
});

// golang-migrate: `<version>_<name>.up.sql` in version order; `.down.sql` runs only on rollback.
// The postgres driver sends a whole file as one multi-statement query, which PostgreSQL runs as
// one implicit transaction: transactional.
const name$5 = 'golang-migrate';
const UP = /^(\d+)_(.*)\.up\.sql$/;
const DOWN = /^(\d+)_(.*)\.down\.sql$/;
function detect$5(folder) {
    const share = nameShare(folder.files, UP, DOWN);
    return nameShare(folder.files, UP) > 0 && share >= 0.5 ? 0.9 * share : 0;
}
function order$5(folder) {
    const result = { entries: [], skipped: [], diagnostics: [] };
    for (const rel of folder.files) {
        const file = baseName(rel);
        const up = UP.exec(file);
        if (up)
            result.entries.push({ rel, orderKey: `${padNumber(up[1])}_${up[2]}` });
        else if (DOWN.test(file)) {
            result.skipped.push({
                rel,
                reason: 'a down migration (golang-migrate runs it only on `migrate down`)',
                notice: false,
            });
        }
        else {
            result.skipped.push({
                rel,
                reason: 'not named <version>_<name>.up.sql, so golang-migrate does not run it',
                notice: true,
            });
        }
    }
    return result;
}
function extract$5(text, _ctx) {
    return { sql: text, transactional: true, diagnostics: [] };
}

var golangMigrate = /*#__PURE__*/Object.freeze({
    __proto__: null,
    detect: detect$5,
    extract: extract$5,
    name: name$5,
    order: order$5
});

const name$4 = 'goose';
const FILE = /^(\d+)_.*\.sql$/;
const HAS_UP = /^\s*--\s*\+goose\s+up\s*$/im;
const KNOWN = new Set([
    'up',
    'down',
    'statementbegin',
    'statementend',
    'no transaction',
    'envsub on',
    'envsub off',
]);
function detect$4(folder) {
    if (folder.files.length === 0)
        return 0;
    const marked = folder.files.filter((f) => HAS_UP.test(folder.text(f) ?? '')).length;
    return marked === 0 ? 0 : 0.95 * (marked / folder.files.length);
}
function order$4(folder) {
    const result = { entries: [], skipped: [], diagnostics: [] };
    for (const rel of folder.files) {
        const m = FILE.exec(baseName(rel));
        if (m && BigInt(m[1]) > 0n) {
            result.entries.push({ rel, orderKey: `${padNumber(m[1])}_${baseName(rel)}` });
        }
        else {
            result.skipped.push({
                rel,
                reason: 'not named <version>_<name>.sql with a version above 0, so goose does not run it',
                notice: true,
            });
        }
    }
    return result;
}
function extract$4(text, ctx) {
    const diagnostics = [];
    const error = (line, column, message) => {
        diagnostics.push(inputDiagnostic('error', line, column, message));
    };
    let section = 'start';
    let transactional = true;
    let sawUp = false;
    let openBegin;
    let stray;
    const sectionOf = new Map();
    for (const line of lines(text)) {
        const trimmed = line.text.trim();
        if (trimmed.startsWith('--') && line.text.includes('+goose')) {
            const indent = line.text.length - line.text.trimStart().length;
            if (indent > 0 && !(ctx.bom && line.number === 1 && indent === 1)) {
                error(line.number, 1, 'goose refuses an annotation with leading white space; start the line with `-- +goose`');
            }
            const command = trimmed
                .replace(/--/g, '')
                .replace('+goose', '')
                .trim()
                .replace(/\s+/g, ' ')
                .toLowerCase();
            if (!KNOWN.has(command)) {
                error(line.number, indent + 1, `goose does not know the annotation \`${trimmed}\` and refuses this file`);
            }
            else if (command === 'up') {
                if (section !== 'start')
                    error(line.number, indent + 1, 'a second `-- +goose Up`; goose refuses this file');
                else {
                    section = 'up';
                    sawUp = true;
                }
            }
            else if (command === 'down') {
                if (section === 'start') {
                    error(line.number, indent + 1, '`-- +goose Down` before `-- +goose Up`; goose refuses this file');
                }
                section = 'down';
            }
            else if (command === 'no transaction')
                transactional = false;
            else if (command === 'statementbegin')
                openBegin = line.number;
            else if (command === 'statementend')
                openBegin = undefined;
            sectionOf.set(line.number, 'start');
            continue;
        }
        if (section === 'start' && !isCommentOrBlank(line.text))
            stray ??= line.number;
        sectionOf.set(line.number, section);
    }
    if (!sawUp) {
        error(1, 1, 'goose needs a `-- +goose Up` line before the up SQL and refuses this file; add one at the top');
        return { sql: blank$1(text), transactional, diagnostics };
    }
    if (stray !== undefined) {
        error(stray, 1, 'goose refuses SQL before `-- +goose Up`; move it into the up section');
    }
    if (openBegin !== undefined) {
        error(openBegin, 1, '`-- +goose StatementBegin` is never closed by `-- +goose StatementEnd`; goose refuses this file');
    }
    const sql = keepLines(text, (l) => {
        const s = sectionOf.get(l.number);
        return s === 'up' || (s === 'start' && isCommentOrBlank(l.text));
    });
    return { sql, transactional, diagnostics };
}

var goose = /*#__PURE__*/Object.freeze({
    __proto__: null,
    detect: detect$4,
    extract: extract$4,
    name: name$4,
    order: order$4
});

// Prisma Migrate: `migrations/<timestamp>_<name>/migration.sql`, in folder name order. Each script is
// sent as one multi-statement query, so it runs as one transaction.
const name$3 = 'prisma';
const MIGRATION$1 = /^(\d+_[^/]*)\/migration\.sql$/;
function detect$3(folder) {
    if (folder.files.length === 0 || !folder.files.every((f) => MIGRATION$1.test(f)))
        return 0;
    return folder.aux('migration_lock.toml') !== undefined ? 1 : 0.95;
}
function auxFiles$1() {
    return ['migration_lock.toml'];
}
function order$3(folder) {
    const result = { entries: [], skipped: [], diagnostics: [] };
    for (const rel of folder.files) {
        const m = MIGRATION$1.exec(rel);
        if (m)
            result.entries.push({ rel, orderKey: numericKey(m[1]) });
        else {
            result.skipped.push({
                rel,
                reason: 'not a <timestamp>_<name>/migration.sql script, so Prisma Migrate does not run it',
                notice: true,
            });
        }
    }
    return result;
}
function extract$3(text, _ctx) {
    return { sql: text, transactional: true, diagnostics: [] };
}

var prisma = /*#__PURE__*/Object.freeze({
    __proto__: null,
    auxFiles: auxFiles$1,
    detect: detect$3,
    extract: extract$3,
    name: name$3,
    order: order$3
});

const name$2 = 'sql';
/** The fallback: any folder of `.sql` files. */
function detect$2(folder) {
    return folder.files.length > 0 ? 0.01 : 0;
}
function order$2(folder) {
    return {
        entries: folder.files.map((rel) => ({ rel, orderKey: numericKey(rel) })),
        skipped: [],
        diagnostics: [],
    };
}
function extract$2(text, _ctx) {
    return { sql: text, transactional: false, diagnostics: [] };
}

var sql = /*#__PURE__*/Object.freeze({
    __proto__: null,
    detect: detect$2,
    extract: extract$2,
    name: name$2,
    order: order$2
});

// sqitch: `sqitch.plan` lists the changes in deploy order; each runs `deploy/<change>.sql`. A change
// listed again later is "reworked": its earlier instances run `deploy/<change>@<tag>.sql`, named after
// a tag between that instance and the next. revert/ and verify/ scripts are not deploys. sqitch runs
// scripts through psql without a transaction of its own (scripts usually say BEGIN; ... COMMIT;).
const name$1 = 'sqitch';
const PLAN = 'sqitch.plan';
function detect$1(folder) {
    return folder.aux(PLAN) !== undefined && folder.files.some((f) => f.startsWith('deploy/')) ? 1 : 0;
}
function auxFiles() {
    return [PLAN];
}
/** The deploy instances of a plan, in order. */
function readPlan(plan) {
    const instances = [];
    const latest = new Map();
    const tagsSince = new Map();
    for (const raw of plan.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('%'))
            continue;
        if (line.startsWith('@')) {
            const tag = /^@([^\s#]+)/.exec(line)?.[1];
            if (tag)
                for (const list of tagsSince.values())
                    list.push(tag);
            continue;
        }
        const m = /^([+-]?)([^\s[#@]+)/.exec(line);
        if (!m || m[1] === '-')
            continue;
        const change = m[2];
        const previous = latest.get(change);
        if (previous) {
            previous.reworkTags = tagsSince.get(change) ?? [];
            previous.last = false;
        }
        const instance = { name: change, reworkTags: [], last: true };
        instances.push(instance);
        latest.set(change, instance);
        tagsSince.set(change, []);
    }
    return instances;
}
function order$1(folder) {
    const result = { entries: [], skipped: [], diagnostics: [] };
    const deploy = folder.files.filter((f) => f.startsWith('deploy/'));
    for (const rel of folder.files) {
        if (rel.startsWith('revert/')) {
            result.skipped.push({
                rel,
                reason: 'a sqitch revert script (it runs only on `sqitch revert`)',
                notice: false,
            });
        }
        else if (rel.startsWith('verify/')) {
            result.skipped.push({
                rel,
                reason: 'a sqitch verify script (it checks a deploy, it changes nothing)',
                notice: false,
            });
        }
    }
    const plan = folder.aux(PLAN);
    if (plan === undefined) {
        deploy.forEach((rel) => result.entries.push({ rel, orderKey: numericKey(rel) }));
        if (deploy[0] !== undefined) {
            result.diagnostics.push({
                rel: deploy[0],
                diagnostic: inputDiagnostic('warning', 1, 1, `no ${PLAN} in ${folder.root}, so the deploy order is unknown; files were taken in name order`),
            });
        }
        return result;
    }
    const present = new Set(deploy);
    const used = new Set();
    readPlan(plan).forEach((instance, index) => {
        const rel = scriptOf(instance, present);
        if (!present.has(rel) || used.has(rel))
            return;
        used.add(rel);
        result.entries.push({ rel, orderKey: padNumber(String(index)) });
    });
    for (const rel of deploy) {
        if (!used.has(rel)) {
            result.skipped.push({
                rel,
                reason: `not a change in ${PLAN}, so sqitch does not deploy it; add it with \`sqitch add\``,
                notice: true,
            });
        }
    }
    return result;
}
function scriptOf(instance, present) {
    if (instance.last)
        return `deploy/${instance.name}.sql`;
    const candidates = instance.reworkTags.map((tag) => `deploy/${instance.name}@${tag}.sql`);
    return candidates.find((c) => present.has(c)) ?? candidates[0] ?? `deploy/${instance.name}.sql`;
}
function extract$1(text, _ctx) {
    return { sql: text, transactional: false, diagnostics: [] };
}

var sqitch = /*#__PURE__*/Object.freeze({
    __proto__: null,
    auxFiles: auxFiles,
    detect: detect$1,
    extract: extract$1,
    name: name$1,
    order: order$1,
    readPlan: readPlan
});

// Supabase CLI: `supabase/migrations/<timestamp>_<name>.sql`, in file name order; each file runs in
// a transaction.
const name = 'supabase';
const MIGRATION = /^(\d+)_(.*)\.sql$/;
function detect(folder) {
    return /(^|[\\/])supabase[\\/]migrations$/.test(folder.root) && folder.files.length > 0 ? 0.8 : 0;
}
function order(folder) {
    const result = { entries: [], skipped: [], diagnostics: [] };
    for (const rel of folder.files) {
        if (MIGRATION.test(baseName(rel)))
            result.entries.push({ rel, orderKey: numericKey(baseName(rel)) });
        else {
            result.skipped.push({
                rel,
                reason: 'not named <timestamp>_<name>.sql, so the Supabase CLI skips it',
                notice: true,
            });
        }
    }
    return result;
}
function extract(text, _ctx) {
    return { sql: text, transactional: true, diagnostics: [] };
}

var supabase = /*#__PURE__*/Object.freeze({
    __proto__: null,
    detect: detect,
    extract: extract,
    name: name,
    order: order
});

const FRAMEWORKS$1 = [
    sqitch,
    drizzle,
    prisma,
    flyway,
    golangMigrate,
    goose,
    dbmate,
    supabase,
    sql,
];
function frameworkNamed(name) {
    return FRAMEWORKS$1.find((f) => f.name === name) ?? sql;
}
/** The framework that explains the folder best (plain `sql` when none does). */
function detectFramework(folder) {
    let best = sql;
    let score = 0;
    for (const f of FRAMEWORKS$1) {
        const s = f.detect(folder);
        if (s > score)
            [best, score] = [f, s];
    }
    return best;
}
/** Every auxiliary file any framework wants to see for these candidates. */
function auxFilesFor(files) {
    return [...new Set(FRAMEWORKS$1.flatMap((f) => f.auxFiles?.(files) ?? []))];
}

const SQITCH_DIRS = ['deploy', 'revert', 'verify'];
const PRISMA_DIR = /^\d+_/;
/** Folders of other people's code, never searched for migrations. */
const SKIPPED_DIRS = new Set(['node_modules', 'vendor']);
/** Caches file-system probes for one discovery run. */
class Probe {
    seen = new Map();
    isFile(path) {
        let hit = this.seen.get(path);
        if (!hit) {
            hit = Promise.resolve(isFileSync(path));
            this.seen.set(path, hit);
        }
        return hit;
    }
}
/** The migrations folder a file belongs to. */
async function placeOf(file, probe, forced) {
    if (forced === undefined || forced === 'sqitch') {
        for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
            if (SQITCH_DIRS.includes(basename(dir)) && (await probe.isFile(join(dirname(dir), 'sqitch.plan')))) {
                return { root: dirname(dir), kind: 'sqitch' };
            }
        }
    }
    if ((forced === undefined || forced === 'prisma') && basename(file) === 'migration.sql') {
        const parent = dirname(file);
        if (PRISMA_DIR.test(basename(parent)))
            return { root: dirname(parent), kind: 'prisma' };
    }
    return { root: dirname(file), kind: 'dir' };
}
/** Candidate migration files of a folder, relative to its root with `/`, sorted. */
async function listFolder(place) {
    const out = [];
    if (place.kind === 'dir') {
        for (const e of await entries(place.root))
            if (isSqlName(e.name))
                out.push(e.name);
    }
    else if (place.kind === 'sqitch') {
        for (const d of SQITCH_DIRS) {
            for (const f of await walk$1(join(place.root, d)))
                out.push(slashes(relative(place.root, f)));
        }
    }
    else {
        for (const e of await entries(place.root)) {
            if (e.isDirectory() && PRISMA_DIR.test(e.name)) {
                const script = `${e.name}/migration.sql`;
                if ((await entries(join(place.root, e.name))).some((f) => f.name === 'migration.sql'))
                    out.push(script);
            }
        }
    }
    return out.sort();
}
/** Every `.sql` file below a folder (not following links to folders, skipping hidden and vendored ones). */
async function walk$1(dir) {
    const out = [];
    for (const e of await entries(dir)) {
        const full = join(dir, e.name);
        if (e.isDirectory()) {
            if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name))
                out.push(...(await walk$1(full)));
            if (isSqlName(e.name))
                out.push(full);
        }
        else if (isSqlName(e.name))
            out.push(full);
    }
    return out;
}
/** Every file below a folder, for glob expansion. */
async function walkAll(dir) {
    const out = [];
    for (const e of await entries(dir)) {
        const full = join(dir, e.name);
        if (e.isDirectory()) {
            if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name))
                out.push(...(await walkAll(full)));
        }
        else
            out.push(full);
    }
    return out;
}
function isSqlName(name) {
    return name.endsWith('.sql');
}
async function entries(dir) {
    try {
        const list = readdirSync(dir, { withFileTypes: true });
        return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    catch {
        return [];
    }
}
function isFileSync(path) {
    try {
        return statSync(path).isFile();
    }
    catch {
        return false;
    }
}

// A small glob matcher for `paths:` in the configuration: `*`, `?`, `**`, `[...]`, `{a,b}`.
// Paths and globs use `/`; a glob without wildcards also matches everything below it (a folder).
function hasGlob(pattern) {
    return /[*?[{]/.test(pattern);
}
/** The leading segments of a glob that hold no wildcard (the folder to walk). */
function globBase(pattern) {
    const segments = tidy(pattern).split('/');
    const fixed = [];
    for (const s of segments.slice(0, -1)) {
        if (hasGlob(s))
            break;
        fixed.push(s);
    }
    return fixed.join('/') || '.';
}
function globToRegExp(pattern) {
    const glob = tidy(pattern);
    let out = '';
    let braces = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                const atStart = i === 0 || glob[i - 1] === '/';
                const next = glob[i + 2];
                if (atStart && next === '/') {
                    out += '(?:[^/]*/)*';
                    i += 2;
                }
                else if (atStart && next === undefined) {
                    out += '.*';
                    i += 1;
                }
                else {
                    out += '[^/]*';
                    i += 1;
                }
            }
            else
                out += '[^/]*';
        }
        else if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const close = glob.indexOf(']', i + 2);
            if (close === -1)
                out += '\\[';
            else {
                const body = glob
                    .slice(i + 1, close)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\');
                out += `[${body}]`;
                i = close;
            }
        }
        else if (c === '{') {
            braces++;
            out += '(?:';
        }
        else if (c === '}' && braces > 0) {
            braces--;
            out += ')';
        }
        else if (c === ',' && braces > 0)
            out += '|';
        else
            out += c.replace(/[.+^$()|\\]/g, '\\$&').replace(/[{}]/g, '\\$&');
    }
    out += ')'.repeat(braces);
    const folder = hasGlob(glob) ? '' : '(?:/.*)?';
    try {
        return new RegExp(`^${out}${folder}$`);
    }
    catch {
        // An impossible class such as [z-a]: match the text literally.
        return new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    }
}
/** True when `path` (relative, `/`-separated) matches one of the globs. */
function matchesAny(path, globs) {
    const p = tidy(path);
    return globs.some((g) => globToRegExp(g).test(p));
}
function tidy(path) {
    return path
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '');
}

// Reading one migration file: bytes -> text, with what went wrong as diagnostics, never a throw.
// The text keeps every line and column of the file: a BOM becomes one space, invalid UTF-8
// bytes become U+FFFD, NUL characters become spaces.
const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Reads a migration file; `shownPath` names it in messages. */
async function readMigrationFile(absPath, maxFileBytes = DEFAULT_MAX_FILE_BYTES, shownPath = absPath) {
    try {
        const info = statSync(absPath);
        if (info.isDirectory()) {
            return failed(`${shownPath} is a directory, not a migration file; name the files inside it instead.`);
        }
        if (info.size > maxFileBytes) {
            return failed(`file is ${sizeOver(info.size, maxFileBytes)} limit; raise max-file-size in .github/expand-contract.yml or split it`);
        }
        const buffer = readFileSync(absPath);
        if (buffer.length > maxFileBytes) {
            return failed(`file is ${sizeOver(buffer.length, maxFileBytes)} limit; raise max-file-size in .github/expand-contract.yml or split it`);
        }
        return { ...decodeMigration(buffer), ok: true };
    }
    catch (error) {
        return failed(`cannot read ${shownPath}: ${reason(error)}; check that it is a readable file.`);
    }
}
/** Bytes -> text, reporting encoding problems at their line and column. */
function decodeMigration(buffer) {
    const diagnostics = [];
    let text;
    let bom = false;
    if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
        const le = buffer[0] === 0xff;
        text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(buffer);
        diagnostics.push(error(1, 1, `file is UTF-16 (${le ? 'little' : 'big'}-endian); re-save the file as UTF-8`));
    }
    else {
        text = buffer.toString('utf8');
        if (!isUtf8(buffer)) {
            const at = firstInvalidByte(buffer);
            const lineStart = buffer.lastIndexOf(0x0a, at - 1) + 1;
            const line = countNewlines(buffer, lineStart) + 1;
            const column = buffer.subarray(lineStart, at).toString('utf8').length + 1;
            const byte = (buffer[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
            diagnostics.push(error(line, column, `not valid UTF-8 at line ${line} (byte 0x${byte}); re-save the file as UTF-8`));
        }
    }
    if (text.charCodeAt(0) === 0xfeff) {
        text = ' ' + text.slice(1);
        bom = true;
    }
    const nul = text.indexOf('\0');
    if (nul !== -1) {
        const before = text.slice(0, nul);
        const line = before.split('\n').length;
        const column = nul - before.lastIndexOf('\n');
        diagnostics.push(error(line, column, `contains a NUL character at line ${line}; the file looks binary, re-save it as UTF-8 text`));
        text = text.replace(/\0/g, ' ');
    }
    return { text, bom, diagnostics };
}
/** Offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
function firstInvalidByte(buffer) {
    let i = 0;
    while (i < buffer.length) {
        const b = buffer[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (b >= 0xc2 && b <= 0xdf)
            [need, min] = [1, 0x80];
        else if (b >= 0xe0 && b <= 0xef)
            [need, min] = [2, 0x800];
        else if (b >= 0xf0 && b <= 0xf4)
            [need, min] = [3, 0x10000];
        else
            return i;
        let cp = b & (0xff >> (need + 2));
        for (let k = 1; k <= need; k++) {
            const c = buffer[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return buffer.length;
}
function countNewlines(buffer, end) {
    let n = 0;
    for (let i = buffer.indexOf(0x0a); i !== -1 && i < end; i = buffer.indexOf(0x0a, i + 1))
        n++;
    return n;
}
/** "6.2 MiB, over the 5 MiB" (falls back to bytes when both round to the same text). */
function sizeOver(size, limit) {
    const a = formatSize(size);
    const b = formatSize(limit);
    if (a !== b)
        return `${a}, over the ${b}`;
    return `${size.toLocaleString('en')} bytes, over the ${limit.toLocaleString('en')} byte`;
}
function formatSize(bytes) {
    const round = (n) => String(Math.round(n * 10) / 10);
    if (bytes >= 1024 * 1024)
        return `${round(bytes / (1024 * 1024))} MiB`;
    if (bytes >= 1024)
        return `${round(bytes / 1024)} KiB`;
    return `${bytes} bytes`;
}
function reason(e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    switch (code) {
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'ENOENT':
            return 'the file does not exist (a broken link, or it was removed while reading)';
        case 'EISDIR':
            return 'it is a directory';
        case 'ELOOP':
            return 'too many symbolic links';
        default:
            return e instanceof Error ? e.message : String(e);
    }
}
function failed(message) {
    return { text: '', ok: false, bom: false, diagnostics: [error(1, 1, message)] };
}
function error(line, column, message) {
    return { rule: 'input-error', severity: 'error', line, column, message };
}

// Selected files -> MigrationFiles: groups them by migrations folder, detects each folder's
// framework, orders the folder, reads and extracts what runs, and finds each folder's history
// (the migrations that sort before the first selected one).
async function build(selection, options) {
    const probe = new Probe();
    const groups = new Map();
    for (const s of selection) {
        const place = await placeOf(s.abs, probe, options.framework);
        const key = `${place.kind}:${place.root}`;
        const group = groups.get(key) ?? { place, chosen: new Map() };
        groups.set(key, group);
        const rel = slashes(relative(place.root, s.abs));
        group.chosen.set(rel, (group.chosen.get(rel) ?? false) || s.explicit);
    }
    const reader = new Reader(options);
    const out = { history: [], selected: [] };
    const sorted = [...groups.values()].sort((a, b) => compareOrderKeys(slashes(a.place.root), slashes(b.place.root)));
    for (const group of sorted) {
        const built = await buildFolder(group.place, group.chosen, options, reader);
        out.history.push(...built.history);
        out.selected.push(...built.selected);
    }
    return out;
}
async function buildFolder(place, chosenAll, options, reader) {
    const { root } = place;
    const wanted = (rel) => options.globs.length === 0 ||
        matchesAny(slashes(relative(options.globRoot, join(root, rel))), options.globs);
    const chosen = new Map([...chosenAll].filter(([rel, explicit]) => explicit || wanted(rel)));
    const files = [...new Set([...(await listFolder(place)).filter(wanted), ...chosen.keys()])].sort();
    if (chosen.size === 0)
        return { history: [], selected: [] };
    const aux = new Map();
    await Promise.all(auxFilesFor(files).map(async (rel) => {
        const text = readText$1(join(root, rel));
        if (text !== undefined)
            aux.set(rel, text);
    }));
    const texts = new Map();
    if (place.kind === 'dir' && options.framework === undefined) {
        await Promise.all(files.map(async (rel) => texts.set(rel, (await reader.read(join(root, rel))).text)));
    }
    const folder = { root, files, text: (rel) => texts.get(rel), aux: (rel) => aux.get(rel) };
    const fw = options.framework !== undefined ? frameworkNamed(options.framework) : detectFramework(folder);
    if (options.plainNeedsHint &&
        fw.name === 'sql' &&
        options.framework === undefined &&
        options.globs.length === 0) {
        for (const rel of [...chosen.keys()]) {
            if (!chosen.get(rel) && !/migrat/i.test(options.show(join(root, rel))))
                chosen.delete(rel);
        }
        if (chosen.size === 0)
            return { history: [], selected: [] };
    }
    const ordered = orderSafely(fw, folder);
    const entries = [...ordered.entries].sort((a, b) => compareOrderKeys(a.orderKey, b.orderKey) || compareOrderKeys(a.rel, b.rel));
    const first = entries.findIndex((e) => chosen.has(e.rel));
    const folderDiagnostics = (rel) => ordered.diagnostics.filter((d) => d.rel === rel).map((d) => d.diagnostic);
    const make = (e) => reader.migration(fw, join(root, e.rel), e, aux, folderDiagnostics(e.rel), options.placeholders);
    const history = await Promise.all((first === -1 ? [] : entries.slice(0, first)).filter((e) => !chosen.has(e.rel)).map(make));
    const selected = await Promise.all(entries
        .filter((e) => chosen.has(e.rel))
        .map(async (e) => ({ abs: join(root, e.rel), file: await make(e), runs: true })));
    const classified = new Set(entries.map((e) => e.rel));
    for (const skip of ordered.skipped) {
        classified.add(skip.rel);
        if (chosen.has(skip.rel) && (skip.notice || chosen.get(skip.rel))) {
            selected.push(notice(fw, join(root, skip.rel), skip.rel, `this file is ${skip.reason}`, options));
        }
    }
    for (const [rel, explicit] of chosen) {
        if (explicit && !classified.has(rel)) {
            selected.push(notice(fw, join(root, rel), rel, `this file is not a migration that ${fw.name} runs`, options));
        }
    }
    return { history, selected };
}
function orderSafely(fw, folder) {
    try {
        return fw.order(folder);
    }
    catch (e) {
        const first = folder.files[0];
        return {
            entries: folder.files.map((rel) => ({ rel, orderKey: numericKey(rel) })),
            skipped: [],
            diagnostics: first
                ? [
                    {
                        rel: first,
                        diagnostic: inputDiagnostic('warning', 1, 1, `could not order the ${fw.name} migrations of ${folder.root} (${message(e)}); files were taken in name order`),
                    },
                ]
                : [],
        };
    }
}
function notice(fw, abs, rel, text, options) {
    return {
        abs,
        runs: false,
        file: {
            path: options.show(abs),
            framework: fw.name,
            orderKey: numericKey(rel),
            transactional: false,
            sql: '',
            diagnostics: [inputDiagnostic('notice', 1, 1, `not analysed: ${text}.`)],
        },
    };
}
/** Reads each file once per discovery run. */
class Reader {
    options;
    cache = new Map();
    constructor(options) {
        this.options = options;
    }
    read(abs) {
        let hit = this.cache.get(abs);
        if (!hit) {
            hit = readMigrationFile(abs, this.options.maxFileBytes, this.options.show(abs));
            this.cache.set(abs, hit);
        }
        return hit;
    }
    async migration(fw, abs, entry, aux, extra, placeholders) {
        const read = await this.read(abs);
        const diagnostics = [...read.diagnostics, ...extra];
        let sql = read.text;
        let transactional = false;
        if (read.ok) {
            try {
                const x = fw.extract(read.text, {
                    rel: entry.rel,
                    placeholders,
                    bom: read.bom,
                    aux: (r) => aux.get(r),
                });
                sql = x.sql;
                transactional = x.transactional;
                diagnostics.push(...x.diagnostics);
            }
            catch (e) {
                diagnostics.push(inputDiagnostic('error', 1, 1, `could not read the ${fw.name} sections of this file (${message(e)})`));
            }
            if (!diagnostics.some((d) => d.severity === 'error') && !hasStatements(sql)) {
                diagnostics.push(inputDiagnostic('notice', 1, 1, 'migration has no statements'));
            }
        }
        diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
        return {
            path: this.options.show(abs),
            framework: fw.name,
            orderKey: entry.orderKey,
            transactional,
            sql,
            diagnostics,
            ...(entry.repeatable ? { repeatable: true } : {}),
        };
    }
}
function message(e) {
    return e instanceof Error ? e.message : String(e);
}
function readText$1(path) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch {
        return undefined;
    }
}

// discover: paths or changed files -> migration files, grouped into releases, with their history.
/** A path or revision the user named that cannot be used at all (exit code 2). */
class InputError extends Error {
}
/**
 * Every migration under the given files, folders and globs; each file is its own release, in its
 * framework's order. `history` holds, for each folder, the migrations before the first one selected
 * that were not selected themselves (so a single file is checked against the schema before it).
 */
async function discoverPaths(paths, config = {}, cwd = process.cwd()) {
    const selection = [];
    const groups = [];
    for (const given of paths) {
        const abs = resolve(cwd, given);
        const info = await stat(abs).catch(() => undefined);
        if (!info && hasGlob(given)) {
            const matches = await expandGlob(given, cwd);
            if (matches.length === 0) {
                throw new InputError(`${given} matches no files (relative to ${cwd}); check the pattern, or run from the repository root.`);
            }
            selection.push(...matches.map((m) => ({ abs: m, explicit: false })));
            groups.push({ given, files: new Set(matches) });
        }
        else if (!info) {
            throw new InputError(`${given}: no such file or directory (looked in ${cwd}); pass a migration file or a folder of migrations.`);
        }
        else if (info.isDirectory()) {
            try {
                await readdir(abs);
            }
            catch (e) {
                throw new InputError(`cannot read the folder ${given} (${code(e)}); check its permissions.`);
            }
            const files = await walk$1(abs);
            selection.push(...files.map((f) => ({ abs: f, explicit: false })));
            groups.push({ given, files: new Set(files) });
        }
        else
            selection.push({ abs, explicit: true });
    }
    const allRelative = paths.every((p) => !isAbsolute(p));
    const built = await build(selection, {
        ...options(config, cwd),
        show: (abs) => (allRelative ? slashes(relative(cwd, abs)) || '.' : abs),
        plainNeedsHint: false,
    });
    for (const g of groups) {
        if (!built.selected.some((b) => b.runs && g.files.has(b.abs)))
            throw nothingUnder(g.given, built, g.files);
    }
    return { history: built.history, releases: built.selected.map((b) => [b.file]) };
}
/**
 * The migrations changed between `base` (its merge base with HEAD, when there is one) and the
 * working tree, untracked files included, as one release; `history` holds, for each folder, the
 * other migrations that sort before the first changed one, read from the working tree.
 * Paths are relative to the repository root. No changed migration gives no release.
 */
async function discoverChanged(base, config = {}, cwd = process.cwd()) {
    let git;
    try {
        git = await Git.create(cwd);
    }
    catch (e) {
        if (e instanceof GitError)
            throw new InputError(e.message);
        throw e;
    }
    if (!(await git.isRepo())) {
        throw new InputError(`${cwd} is not inside a git repository, so there is nothing to compare with ${base}; run inside the repository or pass migration paths.`);
    }
    let changes;
    try {
        if (!(await git.refExists(base)))
            throw new GitRefError(base, '');
        changes = await git.changedFiles((await git.mergeBase(base, 'HEAD')) ?? base);
    }
    catch (e) {
        if (e instanceof GitRefError) {
            throw new InputError(`git does not know the base ${base}; fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0) or name a branch, tag or commit that exists.`);
        }
        if (e instanceof GitError)
            throw new InputError(e.message);
        throw e;
    }
    const seen = new Set();
    const selection = [];
    for (const c of changes) {
        if (c.status === 'deleted')
            continue;
        // A Flyway `<file>.sql.conf` changes how its script runs: check the script.
        const path = c.path.endsWith('.sql.conf') ? c.path.slice(0, -'.conf'.length) : c.path;
        if (!path.endsWith('.sql') || seen.has(path))
            continue;
        seen.add(path);
        const abs = join(git.root, ...path.split('/'));
        if (await isFile(abs))
            selection.push({ abs, explicit: false });
    }
    const root = git.root;
    const built = await build(selection, {
        ...options(config, root),
        show: (abs) => slashes(relative(root, abs)),
        plainNeedsHint: true,
    });
    return {
        history: built.history,
        releases: built.selected.length > 0 ? [built.selected.map((b) => b.file)] : [],
    };
}
function options(config, globRoot) {
    return {
        ...(config.framework !== undefined ? { framework: config.framework } : {}),
        placeholders: config.placeholders ?? {},
        maxFileBytes: config.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
        globs: config.paths ?? [],
        globRoot,
    };
}
async function expandGlob(pattern, cwd) {
    const absolute = isAbsolute(pattern);
    const anchor = absolute ? resolve(globBase(pattern)) : resolve(cwd, globBase(pattern));
    const regex = globToRegExp(absolute ? slashes(pattern) : slashes(pattern).replace(/^(\.\/)+/, ''));
    const files = await walkAll(anchor);
    return files.filter((f) => regex.test(absolute ? slashes(f) : slashes(relative(cwd, f)))).sort();
}
function nothingUnder(given, built, files) {
    const skipped = built.selected.find((b) => !b.runs && files.has(b.abs));
    const why = skipped ? ` (${skipped.file.path}: ${skipped.file.diagnostics[0]?.message ?? 'not run'})` : '';
    return new InputError(`no migration files found under ${given}${why}; pass --framework or set paths: in the config`);
}
async function isFile(path) {
    return stat(path).then((s) => s.isFile(), () => false);
}
function code(e) {
    if (typeof e === 'object' && e !== null && 'code' in e) {
        const c = String(e.code);
        return c === 'EACCES' || c === 'EPERM' ? 'permission denied' : c;
    }
    return e instanceof Error ? e.message : String(e);
}

var dist = {};

var composer = {};

var directives = {};

var identity = {};

var hasRequiredIdentity;

function requireIdentity () {
	if (hasRequiredIdentity) return identity;
	hasRequiredIdentity = 1;

	const ALIAS = Symbol.for('yaml.alias');
	const DOC = Symbol.for('yaml.document');
	const MAP = Symbol.for('yaml.map');
	const PAIR = Symbol.for('yaml.pair');
	const SCALAR = Symbol.for('yaml.scalar');
	const SEQ = Symbol.for('yaml.seq');
	const NODE_TYPE = Symbol.for('yaml.node.type');
	const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case MAP:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	function isNode(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case ALIAS:
	            case MAP:
	            case SCALAR:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

	identity.ALIAS = ALIAS;
	identity.DOC = DOC;
	identity.MAP = MAP;
	identity.NODE_TYPE = NODE_TYPE;
	identity.PAIR = PAIR;
	identity.SCALAR = SCALAR;
	identity.SEQ = SEQ;
	identity.hasAnchor = hasAnchor;
	identity.isAlias = isAlias;
	identity.isCollection = isCollection;
	identity.isDocument = isDocument;
	identity.isMap = isMap;
	identity.isNode = isNode;
	identity.isPair = isPair;
	identity.isScalar = isScalar;
	identity.isSeq = isSeq;
	return identity;
}

var visit = {};

var hasRequiredVisit;

function requireVisit () {
	if (hasRequiredVisit) return visit;
	hasRequiredVisit = 1;

	var identity = requireIdentity();

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove node');
	/**
	 * Apply a visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	function visit$1(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        visit_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit$1.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit$1.SKIP = SKIP;
	/** Remove the current node */
	visit$1.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
	    const ctrl = callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visit_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = visit_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = visit_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = visit_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	/**
	 * Apply an async visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `Promise`: Must resolve to one of the following values
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	async function visitAsync(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
	    const ctrl = await callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visitAsync_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = await visitAsync_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = await visitAsync_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = await visitAsync_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	function initVisitor(visitor) {
	    if (typeof visitor === 'object' &&
	        (visitor.Collection || visitor.Node || visitor.Value)) {
	        return Object.assign({
	            Alias: visitor.Node,
	            Map: visitor.Node,
	            Scalar: visitor.Node,
	            Seq: visitor.Node
	        }, visitor.Value && {
	            Map: visitor.Value,
	            Scalar: visitor.Value,
	            Seq: visitor.Value
	        }, visitor.Collection && {
	            Map: visitor.Collection,
	            Seq: visitor.Collection
	        }, visitor);
	    }
	    return visitor;
	}
	function callVisitor(key, node, visitor, path) {
	    if (typeof visitor === 'function')
	        return visitor(key, node, path);
	    if (identity.isMap(node))
	        return visitor.Map?.(key, node, path);
	    if (identity.isSeq(node))
	        return visitor.Seq?.(key, node, path);
	    if (identity.isPair(node))
	        return visitor.Pair?.(key, node, path);
	    if (identity.isScalar(node))
	        return visitor.Scalar?.(key, node, path);
	    if (identity.isAlias(node))
	        return visitor.Alias?.(key, node, path);
	    return undefined;
	}
	function replaceNode(key, path, node) {
	    const parent = path[path.length - 1];
	    if (identity.isCollection(parent)) {
	        parent.items[key] = node;
	    }
	    else if (identity.isPair(parent)) {
	        if (key === 'key')
	            parent.key = node;
	        else
	            parent.value = node;
	    }
	    else if (identity.isDocument(parent)) {
	        parent.contents = node;
	    }
	    else {
	        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
	        throw new Error(`Cannot replace node with ${pt} parent`);
	    }
	}

	visit.visit = visit$1;
	visit.visitAsync = visitAsync;
	return visit;
}

var hasRequiredDirectives;

function requireDirectives () {
	if (hasRequiredDirectives) return directives;
	hasRequiredDirectives = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	const escapeChars = {
	    '!': '%21',
	    ',': '%2C',
	    '[': '%5B',
	    ']': '%5D',
	    '{': '%7B',
	    '}': '%7D'
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
	class Directives {
	    constructor(yaml, tags) {
	        /**
	         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
	         * included in the document's stringified representation.
	         */
	        this.docStart = null;
	        /** The doc-end marker `...`.  */
	        this.docEnd = false;
	        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
	        this.tags = Object.assign({}, Directives.defaultTags, tags);
	    }
	    clone() {
	        const copy = new Directives(this.yaml, this.tags);
	        copy.docStart = this.docStart;
	        return copy;
	    }
	    /**
	     * During parsing, get a Directives instance for the current document and
	     * update the stream state according to the current version's spec.
	     */
	    atDocument() {
	        const res = new Directives(this.yaml, this.tags);
	        switch (this.yaml.version) {
	            case '1.1':
	                this.atNextDocument = true;
	                break;
	            case '1.2':
	                this.atNextDocument = false;
	                this.yaml = {
	                    explicit: Directives.defaultYaml.explicit,
	                    version: '1.2'
	                };
	                this.tags = Object.assign({}, Directives.defaultTags);
	                break;
	        }
	        return res;
	    }
	    /**
	     * @param onError - May be called even if the action was successful
	     * @returns `true` on success
	     */
	    add(line, onError) {
	        if (this.atNextDocument) {
	            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
	            this.tags = Object.assign({}, Directives.defaultTags);
	            this.atNextDocument = false;
	        }
	        const parts = line.trim().split(/[ \t]+/);
	        const name = parts.shift();
	        switch (name) {
	            case '%TAG': {
	                if (parts.length !== 2) {
	                    onError(0, '%TAG directive should contain exactly two parts');
	                    if (parts.length < 2)
	                        return false;
	                }
	                const [handle, prefix] = parts;
	                this.tags[handle] = prefix;
	                return true;
	            }
	            case '%YAML': {
	                this.yaml.explicit = true;
	                if (parts.length !== 1) {
	                    onError(0, '%YAML directive should contain exactly one part');
	                    return false;
	                }
	                const [version] = parts;
	                if (version === '1.1' || version === '1.2') {
	                    this.yaml.version = version;
	                    return true;
	                }
	                else {
	                    const isValid = /^\d+\.\d+$/.test(version);
	                    onError(6, `Unsupported YAML version ${version}`, isValid);
	                    return false;
	                }
	            }
	            default:
	                onError(0, `Unknown directive ${name}`, true);
	                return false;
	        }
	    }
	    /**
	     * Resolves a tag, matching handles to those defined in %TAG directives.
	     *
	     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
	     *   `'!local'` tag, or `null` if unresolvable.
	     */
	    tagName(source, onError) {
	        if (source === '!')
	            return '!'; // non-specific tag
	        if (source[0] !== '!') {
	            onError(`Not a valid tag: ${source}`);
	            return null;
	        }
	        if (source[1] === '<') {
	            const verbatim = source.slice(2, -1);
	            if (verbatim === '!' || verbatim === '!!') {
	                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
	                return null;
	            }
	            if (source[source.length - 1] !== '>')
	                onError('Verbatim tags must end with a >');
	            return verbatim;
	        }
	        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
	        if (!suffix)
	            onError(`The ${source} tag has no suffix`);
	        const prefix = this.tags[handle];
	        if (prefix) {
	            try {
	                return prefix + decodeURIComponent(suffix);
	            }
	            catch (error) {
	                onError(String(error));
	                return null;
	            }
	        }
	        if (handle === '!')
	            return source; // local tag
	        onError(`Could not resolve tag: ${source}`);
	        return null;
	    }
	    /**
	     * Given a fully resolved tag, returns its printable string form,
	     * taking into account current tag prefixes and defaults.
	     */
	    tagString(tag) {
	        for (const [handle, prefix] of Object.entries(this.tags)) {
	            if (tag.startsWith(prefix))
	                return handle + escapeTagName(tag.substring(prefix.length));
	        }
	        return tag[0] === '!' ? tag : `!<${tag}>`;
	    }
	    toString(doc) {
	        const lines = this.yaml.explicit
	            ? [`%YAML ${this.yaml.version || '1.2'}`]
	            : [];
	        const tagEntries = Object.entries(this.tags);
	        let tagNames;
	        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
	            const tags = {};
	            visit.visit(doc.contents, (_key, node) => {
	                if (identity.isNode(node) && node.tag)
	                    tags[node.tag] = true;
	            });
	            tagNames = Object.keys(tags);
	        }
	        else
	            tagNames = [];
	        for (const [handle, prefix] of tagEntries) {
	            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
	                continue;
	            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
	                lines.push(`%TAG ${handle} ${prefix}`);
	        }
	        return lines.join('\n');
	    }
	}
	Directives.defaultYaml = { explicit: false, version: '1.2' };
	Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

	directives.Directives = Directives;
	return directives;
}

var Document = {};

var Alias = {};

var anchors = {};

var hasRequiredAnchors;

function requireAnchors () {
	if (hasRequiredAnchors) return anchors;
	hasRequiredAnchors = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	/**
	 * Verify that the input string is a valid anchor.
	 *
	 * Will throw on errors.
	 */
	function anchorIsValid(anchor) {
	    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
	        const sa = JSON.stringify(anchor);
	        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
	        throw new Error(msg);
	    }
	    return true;
	}
	function anchorNames(root) {
	    const anchors = new Set();
	    visit.visit(root, {
	        Value(_key, node) {
	            if (node.anchor)
	                anchors.add(node.anchor);
	        }
	    });
	    return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
	    for (let i = 1; true; ++i) {
	        const name = `${prefix}${i}`;
	        if (!exclude.has(name))
	            return name;
	    }
	}
	function createNodeAnchors(doc, prefix) {
	    const aliasObjects = [];
	    const sourceObjects = new Map();
	    let prevAnchors = null;
	    return {
	        onAnchor: (source) => {
	            aliasObjects.push(source);
	            prevAnchors ?? (prevAnchors = anchorNames(doc));
	            const anchor = findNewAnchor(prefix, prevAnchors);
	            prevAnchors.add(anchor);
	            return anchor;
	        },
	        /**
	         * With circular references, the source node is only resolved after all
	         * of its child nodes are. This is why anchors are set only after all of
	         * the nodes have been created.
	         */
	        setAnchors: () => {
	            for (const source of aliasObjects) {
	                const ref = sourceObjects.get(source);
	                if (typeof ref === 'object' &&
	                    ref.anchor &&
	                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
	                    ref.node.anchor = ref.anchor;
	                }
	                else {
	                    const error = new Error('Failed to resolve repeated object (this should not happen)');
	                    error.source = source;
	                    throw error;
	                }
	            }
	        },
	        sourceObjects
	    };
	}

	anchors.anchorIsValid = anchorIsValid;
	anchors.anchorNames = anchorNames;
	anchors.createNodeAnchors = createNodeAnchors;
	anchors.findNewAnchor = findNewAnchor;
	return anchors;
}

var Node = {};

var applyReviver = {};

var hasRequiredApplyReviver;

function requireApplyReviver () {
	if (hasRequiredApplyReviver) return applyReviver;
	hasRequiredApplyReviver = 1;

	/**
	 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	 *
	 * Includes extensions for handling Map and Set objects.
	 */
	function applyReviver$1(reviver, obj, key, val) {
	    if (val && typeof val === 'object') {
	        if (Array.isArray(val)) {
	            for (let i = 0, len = val.length; i < len; ++i) {
	                const v0 = val[i];
	                const v1 = applyReviver$1(reviver, val, String(i), v0);
	                // eslint-disable-next-line @typescript-eslint/no-array-delete
	                if (v1 === undefined)
	                    delete val[i];
	                else if (v1 !== v0)
	                    val[i] = v1;
	            }
	        }
	        else if (val instanceof Map) {
	            for (const k of Array.from(val.keys())) {
	                const v0 = val.get(k);
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    val.delete(k);
	                else if (v1 !== v0)
	                    val.set(k, v1);
	            }
	        }
	        else if (val instanceof Set) {
	            for (const v0 of Array.from(val)) {
	                const v1 = applyReviver$1(reviver, val, v0, v0);
	                if (v1 === undefined)
	                    val.delete(v0);
	                else if (v1 !== v0) {
	                    val.delete(v0);
	                    val.add(v1);
	                }
	            }
	        }
	        else {
	            for (const [k, v0] of Object.entries(val)) {
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    delete val[k];
	                else if (v1 !== v0)
	                    val[k] = v1;
	            }
	        }
	    }
	    return reviver.call(obj, key, val);
	}

	applyReviver.applyReviver = applyReviver$1;
	return applyReviver;
}

var toJS = {};

var hasRequiredToJS;

function requireToJS () {
	if (hasRequiredToJS) return toJS;
	hasRequiredToJS = 1;

	var identity = requireIdentity();

	/**
	 * Recursively convert any node or its contents to native JavaScript
	 *
	 * @param value - The input value
	 * @param arg - If `value` defines a `toJSON()` method, use this
	 *   as its first argument
	 * @param ctx - Conversion context, originally set in Document#toJS(). If
	 *   `{ keep: true }` is not set, output should be suitable for JSON
	 *   stringification.
	 */
	function toJS$1(value, arg, ctx) {
	    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
	    if (Array.isArray(value))
	        return value.map((v, i) => toJS$1(v, String(i), ctx));
	    if (value && typeof value.toJSON === 'function') {
	        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	        if (!ctx || !identity.hasAnchor(value))
	            return value.toJSON(arg, ctx);
	        const data = { aliasCount: 0, count: 1, res: undefined };
	        ctx.anchors.set(value, data);
	        ctx.onCreate = res => {
	            data.res = res;
	            delete ctx.onCreate;
	        };
	        const res = value.toJSON(arg, ctx);
	        if (ctx.onCreate)
	            ctx.onCreate(res);
	        return res;
	    }
	    if (typeof value === 'bigint' && !ctx?.keep)
	        return Number(value);
	    return value;
	}

	toJS.toJS = toJS$1;
	return toJS;
}

var hasRequiredNode;

function requireNode () {
	if (hasRequiredNode) return Node;
	hasRequiredNode = 1;

	var applyReviver = requireApplyReviver();
	var identity = requireIdentity();
	var toJS = requireToJS();

	class NodeBase {
	    constructor(type) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
	    }
	    /** Create a copy of this node.  */
	    clone() {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** A plain JavaScript representation of this node. */
	    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        if (!identity.isDocument(doc))
	            throw new TypeError('A document argument is required');
	        const ctx = {
	            anchors: new Map(),
	            doc,
	            keep: true,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this, '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	}

	Node.NodeBase = NodeBase;
	return Node;
}

var hasRequiredAlias;

function requireAlias () {
	if (hasRequiredAlias) return Alias;
	hasRequiredAlias = 1;

	var anchors = requireAnchors();
	var visit = requireVisit();
	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	let Alias$1 = class Alias extends Node.NodeBase {
	    constructor(source) {
	        super(identity.ALIAS);
	        this.source = source;
	        Object.defineProperty(this, 'tag', {
	            set() {
	                throw new Error('Alias nodes cannot have tags');
	            }
	        });
	    }
	    /**
	     * Resolve the value of this alias within `doc`, finding the last
	     * instance of the `source` anchor before this node.
	     */
	    resolve(doc, ctx) {
	        if (ctx?.maxAliasCount === 0)
	            throw new ReferenceError('Alias resolution is disabled');
	        let nodes;
	        if (ctx?.aliasResolveCache) {
	            nodes = ctx.aliasResolveCache;
	        }
	        else {
	            nodes = [];
	            visit.visit(doc, {
	                Node: (_key, node) => {
	                    if (identity.isAlias(node) || identity.hasAnchor(node))
	                        nodes.push(node);
	                }
	            });
	            if (ctx)
	                ctx.aliasResolveCache = nodes;
	        }
	        let found = undefined;
	        for (const node of nodes) {
	            if (node === this)
	                break;
	            if (node.anchor === this.source)
	                found = node;
	        }
	        if (found && ctx) {
	            const { anchors, doc, maxAliasCount } = ctx;
	            let data = anchors.get(found);
	            if (!data) {
	                // Resolve anchors for Node.prototype.toJS()
	                toJS.toJS(found, null, ctx);
	                data = anchors.get(found);
	            }
	            /* istanbul ignore if */
	            if (data?.res === undefined) {
	                const msg = 'This should not happen: Alias anchor was not resolved?';
	                throw new ReferenceError(msg);
	            }
	            if (maxAliasCount >= 0) {
	                data.count += 1;
	                if (data.aliasCount === 0)
	                    data.aliasCount = getAliasCount(doc, found, anchors);
	                if (data.count * data.aliasCount > maxAliasCount) {
	                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
	                    throw new ReferenceError(msg);
	                }
	            }
	        }
	        return found;
	    }
	    toJSON(_arg, ctx) {
	        if (!ctx)
	            return { source: this.source };
	        const source = this.resolve(ctx.doc, ctx);
	        if (!source) {
	            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	            throw new ReferenceError(msg);
	        }
	        return ctx.anchors.get(source).res;
	    }
	    toString(ctx, _onComment, _onChompKeep) {
	        const src = `*${this.source}`;
	        if (ctx) {
	            anchors.anchorIsValid(this.source);
	            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
	                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	                throw new Error(msg);
	            }
	            if (ctx.implicitKey)
	                return `${src} `;
	        }
	        return src;
	    }
	};
	function getAliasCount(doc, node, anchors) {
	    if (identity.isAlias(node)) {
	        const source = node.resolve(doc);
	        const anchor = anchors && source && anchors.get(source);
	        return anchor ? anchor.count * anchor.aliasCount : 0;
	    }
	    else if (identity.isCollection(node)) {
	        let count = 0;
	        for (const item of node.items) {
	            const c = getAliasCount(doc, item, anchors);
	            if (c > count)
	                count = c;
	        }
	        return count;
	    }
	    else if (identity.isPair(node)) {
	        const kc = getAliasCount(doc, node.key, anchors);
	        const vc = getAliasCount(doc, node.value, anchors);
	        return Math.max(kc, vc);
	    }
	    return 1;
	}

	Alias.Alias = Alias$1;
	return Alias;
}

var Collection = {};

var createNode = {};

var Scalar = {};

var hasRequiredScalar;

function requireScalar () {
	if (hasRequiredScalar) return Scalar;
	hasRequiredScalar = 1;

	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
	let Scalar$1 = class Scalar extends Node.NodeBase {
	    constructor(value) {
	        super(identity.SCALAR);
	        this.value = value;
	    }
	    toJSON(arg, ctx) {
	        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
	    }
	    toString() {
	        return String(this.value);
	    }
	};
	Scalar$1.BLOCK_FOLDED = 'BLOCK_FOLDED';
	Scalar$1.BLOCK_LITERAL = 'BLOCK_LITERAL';
	Scalar$1.PLAIN = 'PLAIN';
	Scalar$1.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
	Scalar$1.QUOTE_SINGLE = 'QUOTE_SINGLE';

	Scalar.Scalar = Scalar$1;
	Scalar.isScalarValue = isScalarValue;
	return Scalar;
}

var hasRequiredCreateNode;

function requireCreateNode () {
	if (hasRequiredCreateNode) return createNode;
	hasRequiredCreateNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var Scalar = requireScalar();

	const defaultTagPrefix = 'tag:yaml.org,2002:';
	function findTagObject(value, tagName, tags) {
	    if (tagName) {
	        const match = tags.filter(t => t.tag === tagName);
	        const tagObj = match.find(t => !t.format) ?? match[0];
	        if (!tagObj)
	            throw new Error(`Tag ${tagName} not found`);
	        return tagObj;
	    }
	    return tags.find(t => t.identify?.(value) && !t.format);
	}
	function createNode$1(value, tagName, ctx) {
	    if (identity.isDocument(value))
	        value = value.contents;
	    if (identity.isNode(value))
	        return value;
	    if (identity.isPair(value)) {
	        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
	        map.items.push(value);
	        return map;
	    }
	    if (value instanceof String ||
	        value instanceof Number ||
	        value instanceof Boolean ||
	        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
	    ) {
	        // https://tc39.es/ecma262/#sec-serializejsonproperty
	        value = value.valueOf();
	    }
	    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
	    // Detect duplicate references to the same object & use Alias nodes for all
	    // after first. The `ref` wrapper allows for circular references to resolve.
	    let ref = undefined;
	    if (aliasDuplicateObjects && value && typeof value === 'object') {
	        ref = sourceObjects.get(value);
	        if (ref) {
	            ref.anchor ?? (ref.anchor = onAnchor(value));
	            return new Alias.Alias(ref.anchor);
	        }
	        else {
	            ref = { anchor: null, node: null };
	            sourceObjects.set(value, ref);
	        }
	    }
	    if (tagName?.startsWith('!!'))
	        tagName = defaultTagPrefix + tagName.slice(2);
	    let tagObj = findTagObject(value, tagName, schema.tags);
	    if (!tagObj) {
	        if (value && typeof value.toJSON === 'function') {
	            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	            value = value.toJSON();
	        }
	        if (!value || typeof value !== 'object') {
	            const node = new Scalar.Scalar(value);
	            if (ref)
	                ref.node = node;
	            return node;
	        }
	        tagObj =
	            value instanceof Map
	                ? schema[identity.MAP]
	                : Symbol.iterator in Object(value)
	                    ? schema[identity.SEQ]
	                    : schema[identity.MAP];
	    }
	    if (onTagObj) {
	        onTagObj(tagObj);
	        delete ctx.onTagObj;
	    }
	    const node = tagObj?.createNode
	        ? tagObj.createNode(ctx.schema, value, ctx)
	        : typeof tagObj?.nodeClass?.from === 'function'
	            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
	            : new Scalar.Scalar(value);
	    if (tagName)
	        node.tag = tagName;
	    else if (!tagObj.default)
	        node.tag = tagObj.tag;
	    if (ref)
	        ref.node = node;
	    return node;
	}

	createNode.createNode = createNode$1;
	return createNode;
}

var hasRequiredCollection;

function requireCollection () {
	if (hasRequiredCollection) return Collection;
	hasRequiredCollection = 1;

	var createNode = requireCreateNode();
	var identity = requireIdentity();
	var Node = requireNode();

	function collectionFromPath(schema, path, value) {
	    let v = value;
	    for (let i = path.length - 1; i >= 0; --i) {
	        const k = path[i];
	        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
	            const a = [];
	            a[k] = v;
	            v = a;
	        }
	        else {
	            v = new Map([[k, v]]);
	        }
	    }
	    return createNode.createNode(v, undefined, {
	        aliasDuplicateObjects: false,
	        keepUndefined: false,
	        onAnchor: () => {
	            throw new Error('This should not happen, please report a bug.');
	        },
	        schema,
	        sourceObjects: new Map()
	    });
	}
	// Type guard is intentionally a little wrong so as to be more useful,
	// as it does not cover untypable empty non-string iterables (e.g. []).
	const isEmptyPath = (path) => path == null ||
	    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
	let Collection$1 = class Collection extends Node.NodeBase {
	    constructor(type, schema) {
	        super(type);
	        Object.defineProperty(this, 'schema', {
	            value: schema,
	            configurable: true,
	            enumerable: false,
	            writable: true
	        });
	    }
	    /**
	     * Create a copy of this collection.
	     *
	     * @param schema - If defined, overwrites the original's schema
	     */
	    clone(schema) {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (schema)
	            copy.schema = schema;
	        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /**
	     * Adds a value to the collection. For `!!map` and `!!omap` the value must
	     * be a Pair instance or a `{ key, value }` object, which may not have a key
	     * that already exists in the map.
	     */
	    addIn(path, value) {
	        if (isEmptyPath(path))
	            this.add(value);
	        else {
	            const [key, ...rest] = path;
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.addIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	    /**
	     * Removes a value from the collection.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.delete(key);
	        const node = this.get(key, true);
	        if (identity.isCollection(node))
	            return node.deleteIn(rest);
	        else
	            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        const [key, ...rest] = path;
	        const node = this.get(key, true);
	        if (rest.length === 0)
	            return !keepScalar && identity.isScalar(node) ? node.value : node;
	        else
	            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
	    }
	    hasAllNullValues(allowScalar) {
	        return this.items.every(node => {
	            if (!identity.isPair(node))
	                return false;
	            const n = node.value;
	            return (n == null ||
	                (allowScalar &&
	                    identity.isScalar(n) &&
	                    n.value == null &&
	                    !n.commentBefore &&
	                    !n.comment &&
	                    !n.tag));
	        });
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     */
	    hasIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.has(key);
	        const node = this.get(key, true);
	        return identity.isCollection(node) ? node.hasIn(rest) : false;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        const [key, ...rest] = path;
	        if (rest.length === 0) {
	            this.set(key, value);
	        }
	        else {
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.setIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	};

	Collection.Collection = Collection$1;
	Collection.collectionFromPath = collectionFromPath;
	Collection.isEmptyPath = isEmptyPath;
	return Collection;
}

var Pair = {};

var stringifyPair = {};

var stringify = {};

var stringifyComment = {};

var hasRequiredStringifyComment;

function requireStringifyComment () {
	if (hasRequiredStringifyComment) return stringifyComment;
	hasRequiredStringifyComment = 1;

	/**
	 * Stringifies a comment.
	 *
	 * Empty comment lines are left empty,
	 * lines consisting of a single space are replaced by `#`,
	 * and all other lines are prefixed with a `#`.
	 */
	const stringifyComment$1 = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
	function indentComment(comment, indent) {
	    if (/^\n+$/.test(comment))
	        return comment.substring(1);
	    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith('\n')
	    ? indentComment(comment, indent)
	    : comment.includes('\n')
	        ? '\n' + indentComment(comment, indent)
	        : (str.endsWith(' ') ? '' : ' ') + comment;

	stringifyComment.indentComment = indentComment;
	stringifyComment.lineComment = lineComment;
	stringifyComment.stringifyComment = stringifyComment$1;
	return stringifyComment;
}

var stringifyString = {};

var foldFlowLines = {};

var hasRequiredFoldFlowLines;

function requireFoldFlowLines () {
	if (hasRequiredFoldFlowLines) return foldFlowLines;
	hasRequiredFoldFlowLines = 1;

	const FOLD_FLOW = 'flow';
	const FOLD_BLOCK = 'block';
	const FOLD_QUOTED = 'quoted';
	/**
	 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	 * terminated with `\n` and started with `indent`.
	 */
	function foldFlowLines$1(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
	    if (!lineWidth || lineWidth < 0)
	        return text;
	    if (lineWidth < minContentWidth)
	        minContentWidth = 0;
	    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
	    if (text.length <= endStep)
	        return text;
	    const folds = [];
	    const escapedFolds = {};
	    let end = lineWidth - indent.length;
	    if (typeof indentAtStart === 'number') {
	        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
	            folds.push(0);
	        else
	            end = lineWidth - indentAtStart;
	    }
	    let split = undefined;
	    let prev = undefined;
	    let overflow = false;
	    let i = -1;
	    let escStart = -1;
	    let escEnd = -1;
	    if (mode === FOLD_BLOCK) {
	        i = consumeMoreIndentedLines(text, i, indent.length);
	        if (i !== -1)
	            end = i + endStep;
	    }
	    for (let ch; (ch = text[(i += 1)]);) {
	        if (mode === FOLD_QUOTED && ch === '\\') {
	            escStart = i;
	            switch (text[i + 1]) {
	                case 'x':
	                    i += 3;
	                    break;
	                case 'u':
	                    i += 5;
	                    break;
	                case 'U':
	                    i += 9;
	                    break;
	                default:
	                    i += 1;
	            }
	            escEnd = i;
	        }
	        if (ch === '\n') {
	            if (mode === FOLD_BLOCK)
	                i = consumeMoreIndentedLines(text, i, indent.length);
	            end = i + indent.length + endStep;
	            split = undefined;
	        }
	        else {
	            if (ch === ' ' &&
	                prev &&
	                prev !== ' ' &&
	                prev !== '\n' &&
	                prev !== '\t') {
	                // space surrounded by non-space can be replaced with newline + indent
	                const next = text[i + 1];
	                if (next && next !== ' ' && next !== '\n' && next !== '\t')
	                    split = i;
	            }
	            if (i >= end) {
	                if (split) {
	                    folds.push(split);
	                    end = split + endStep;
	                    split = undefined;
	                }
	                else if (mode === FOLD_QUOTED) {
	                    // white-space collected at end may stretch past lineWidth
	                    while (prev === ' ' || prev === '\t') {
	                        prev = ch;
	                        ch = text[(i += 1)];
	                        overflow = true;
	                    }
	                    // Account for newline escape, but don't break preceding escape
	                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
	                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
	                    if (escapedFolds[j])
	                        return text;
	                    folds.push(j);
	                    escapedFolds[j] = true;
	                    end = j + endStep;
	                    split = undefined;
	                }
	                else {
	                    overflow = true;
	                }
	            }
	        }
	        prev = ch;
	    }
	    if (overflow && onOverflow)
	        onOverflow();
	    if (folds.length === 0)
	        return text;
	    if (onFold)
	        onFold();
	    let res = text.slice(0, folds[0]);
	    for (let i = 0; i < folds.length; ++i) {
	        const fold = folds[i];
	        const end = folds[i + 1] || text.length;
	        if (fold === 0)
	            res = `\n${indent}${text.slice(0, end)}`;
	        else {
	            if (mode === FOLD_QUOTED && escapedFolds[fold])
	                res += `${text[fold]}\\`;
	            res += `\n${indent}${text.slice(fold + 1, end)}`;
	        }
	    }
	    return res;
	}
	/**
	 * Presumes `i + 1` is at the start of a line
	 * @returns index of last newline in more-indented block
	 */
	function consumeMoreIndentedLines(text, i, indent) {
	    let end = i;
	    let start = i + 1;
	    let ch = text[start];
	    while (ch === ' ' || ch === '\t') {
	        if (i < start + indent) {
	            ch = text[++i];
	        }
	        else {
	            do {
	                ch = text[++i];
	            } while (ch && ch !== '\n');
	            end = i;
	            start = i + 1;
	            ch = text[start];
	        }
	    }
	    return end;
	}

	foldFlowLines.FOLD_BLOCK = FOLD_BLOCK;
	foldFlowLines.FOLD_FLOW = FOLD_FLOW;
	foldFlowLines.FOLD_QUOTED = FOLD_QUOTED;
	foldFlowLines.foldFlowLines = foldFlowLines$1;
	return foldFlowLines;
}

var hasRequiredStringifyString;

function requireStringifyString () {
	if (hasRequiredStringifyString) return stringifyString;
	hasRequiredStringifyString = 1;

	var Scalar = requireScalar();
	var foldFlowLines = requireFoldFlowLines();

	const getFoldOptions = (ctx, isBlock) => ({
	    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
	    lineWidth: ctx.options.lineWidth,
	    minContentWidth: ctx.options.minContentWidth
	});
	// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
	// presume that's starting a new document.
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
	    if (!lineWidth || lineWidth < 0)
	        return false;
	    const limit = lineWidth - indentLength;
	    const strLen = str.length;
	    if (strLen <= limit)
	        return false;
	    for (let i = 0, start = 0; i < strLen; ++i) {
	        if (str[i] === '\n') {
	            if (i - start > limit)
	                return true;
	            start = i + 1;
	            if (strLen - start <= limit)
	                return false;
	        }
	    }
	    return true;
	}
	function doubleQuotedString(value, ctx) {
	    const json = JSON.stringify(value);
	    if (ctx.options.doubleQuotedAsJSON)
	        return json;
	    const { implicitKey } = ctx;
	    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    let str = '';
	    let start = 0;
	    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
	        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
	            // space before newline needs to be escaped to not be folded
	            str += json.slice(start, i) + '\\ ';
	            i += 1;
	            start = i;
	            ch = '\\';
	        }
	        if (ch === '\\')
	            switch (json[i + 1]) {
	                case 'u':
	                    {
	                        str += json.slice(start, i);
	                        const code = json.substr(i + 2, 4);
	                        switch (code) {
	                            case '0000':
	                                str += '\\0';
	                                break;
	                            case '0007':
	                                str += '\\a';
	                                break;
	                            case '000b':
	                                str += '\\v';
	                                break;
	                            case '001b':
	                                str += '\\e';
	                                break;
	                            case '0085':
	                                str += '\\N';
	                                break;
	                            case '00a0':
	                                str += '\\_';
	                                break;
	                            case '2028':
	                                str += '\\L';
	                                break;
	                            case '2029':
	                                str += '\\P';
	                                break;
	                            default:
	                                if (code.substr(0, 2) === '00')
	                                    str += '\\x' + code.substr(2);
	                                else
	                                    str += json.substr(i, 6);
	                        }
	                        i += 5;
	                        start = i + 1;
	                    }
	                    break;
	                case 'n':
	                    if (implicitKey ||
	                        json[i + 2] === '"' ||
	                        json.length < minMultiLineLength) {
	                        i += 1;
	                    }
	                    else {
	                        // folding will eat first newline
	                        str += json.slice(start, i) + '\n\n';
	                        while (json[i + 2] === '\\' &&
	                            json[i + 3] === 'n' &&
	                            json[i + 4] !== '"') {
	                            str += '\n';
	                            i += 2;
	                        }
	                        str += indent;
	                        // space after newline needs to be escaped to not be folded
	                        if (json[i + 2] === ' ')
	                            str += '\\';
	                        i += 1;
	                        start = i + 1;
	                    }
	                    break;
	                default:
	                    i += 1;
	            }
	    }
	    str = start ? str + json.slice(start) : json;
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
	    if (ctx.options.singleQuote === false ||
	        (ctx.implicitKey && value.includes('\n')) ||
	        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
	    )
	        return doubleQuotedString(value, ctx);
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
	    return ctx.implicitKey
	        ? res
	        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
	    const { singleQuote } = ctx.options;
	    let qs;
	    if (singleQuote === false)
	        qs = doubleQuotedString;
	    else {
	        const hasDouble = value.includes('"');
	        const hasSingle = value.includes("'");
	        if (hasDouble && !hasSingle)
	            qs = singleQuotedString;
	        else if (hasSingle && !hasDouble)
	            qs = doubleQuotedString;
	        else
	            qs = singleQuote ? singleQuotedString : doubleQuotedString;
	    }
	    return qs(value, ctx);
	}
	// The negative lookbehind avoids a polynomial search,
	// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
	let blockEndNewlines;
	try {
	    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
	}
	catch {
	    blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
	    const { blockQuote, commentString, lineWidth } = ctx.options;
	    // 1. Block can't end in whitespace unless the last line is non-empty.
	    // 2. Strings consisting of only whitespace are best rendered explicitly.
	    if (!blockQuote || /\n[\t ]+$/.test(value)) {
	        return quotedString(value, ctx);
	    }
	    const indent = ctx.indent ||
	        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
	    const literal = blockQuote === 'literal'
	        ? true
	        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
	            ? false
	            : type === Scalar.Scalar.BLOCK_LITERAL
	                ? true
	                : !lineLengthOverLimit(value, lineWidth, indent.length);
	    if (!value)
	        return literal ? '|\n' : '>\n';
	    // determine chomping from whitespace at value end
	    let chomp;
	    let endStart;
	    for (endStart = value.length; endStart > 0; --endStart) {
	        const ch = value[endStart - 1];
	        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
	            break;
	    }
	    let end = value.substring(endStart);
	    const endNlPos = end.indexOf('\n');
	    if (endNlPos === -1) {
	        chomp = '-'; // strip
	    }
	    else if (value === end || endNlPos !== end.length - 1) {
	        chomp = '+'; // keep
	        if (onChompKeep)
	            onChompKeep();
	    }
	    else {
	        chomp = ''; // clip
	    }
	    if (end) {
	        value = value.slice(0, -end.length);
	        if (end[end.length - 1] === '\n')
	            end = end.slice(0, -1);
	        end = end.replace(blockEndNewlines, `$&${indent}`);
	    }
	    // determine indent indicator from whitespace at value start
	    let startWithSpace = false;
	    let startEnd;
	    let startNlPos = -1;
	    for (startEnd = 0; startEnd < value.length; ++startEnd) {
	        const ch = value[startEnd];
	        if (ch === ' ')
	            startWithSpace = true;
	        else if (ch === '\n')
	            startNlPos = startEnd;
	        else
	            break;
	    }
	    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
	    if (start) {
	        value = value.substring(start.length);
	        start = start.replace(/\n+/g, `$&${indent}`);
	    }
	    const indentSize = indent ? '2' : '1'; // root is at -1
	    // Leading | or > is added later
	    let header = (startWithSpace ? indentSize : '') + chomp;
	    if (comment) {
	        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
	        if (onComment)
	            onComment();
	    }
	    if (!literal) {
	        const foldedValue = value
	            .replace(/\n+/g, '\n$&')
	            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
	            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
	            .replace(/\n+/g, `$&${indent}`);
	        let literalFallback = false;
	        const foldOptions = getFoldOptions(ctx, true);
	        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
	            foldOptions.onOverflow = () => {
	                literalFallback = true;
	            };
	        }
	        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
	        if (!literalFallback)
	            return `>${header}\n${indent}${body}`;
	    }
	    value = value.replace(/\n+/g, `$&${indent}`);
	    return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
	    const { type, value } = item;
	    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
	    if ((implicitKey && value.includes('\n')) ||
	        (inFlow && /[[\]{},]/.test(value))) {
	        return quotedString(value, ctx);
	    }
	    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
	        // not allowed:
	        // - '-' or '?'
	        // - start with an indicator character (except [?:-]) or /[?-] /
	        // - '\n ', ': ' or ' \n' anywhere
	        // - '#' not preceded by a non-space char
	        // - end with ' ' or ':'
	        return implicitKey || inFlow || !value.includes('\n')
	            ? quotedString(value, ctx)
	            : blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (!implicitKey &&
	        !inFlow &&
	        type !== Scalar.Scalar.PLAIN &&
	        value.includes('\n')) {
	        // Where allowed & type not set explicitly, prefer block style for multiline strings
	        return blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (containsDocumentMarker(value)) {
	        if (indent === '') {
	            ctx.forceBlockIndent = true;
	            return blockString(item, ctx, onComment, onChompKeep);
	        }
	        else if (implicitKey && indent === indentStep) {
	            return quotedString(value, ctx);
	        }
	    }
	    const str = value.replace(/\n+/g, `$&\n${indent}`);
	    // Verify that output will be parsed as a string, as e.g. plain numbers and
	    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
	    // and others in v1.1.
	    if (actualString) {
	        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
	        const { compat, tags } = ctx.doc.schema;
	        if (tags.some(test) || compat?.some(test))
	            return quotedString(value, ctx);
	    }
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString$1(item, ctx, onComment, onChompKeep) {
	    const { implicitKey, inFlow } = ctx;
	    const ss = typeof item.value === 'string'
	        ? item
	        : Object.assign({}, item, { value: String(item.value) });
	    let { type } = item;
	    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	        // force double quotes on control characters & unpaired surrogates
	        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
	            type = Scalar.Scalar.QUOTE_DOUBLE;
	    }
	    const _stringify = (_type) => {
	        switch (_type) {
	            case Scalar.Scalar.BLOCK_FOLDED:
	            case Scalar.Scalar.BLOCK_LITERAL:
	                return implicitKey || inFlow
	                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
	                    : blockString(ss, ctx, onComment, onChompKeep);
	            case Scalar.Scalar.QUOTE_DOUBLE:
	                return doubleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.QUOTE_SINGLE:
	                return singleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.PLAIN:
	                return plainString(ss, ctx, onComment, onChompKeep);
	            default:
	                return null;
	        }
	    };
	    let res = _stringify(type);
	    if (res === null) {
	        const { defaultKeyType, defaultStringType } = ctx.options;
	        const t = (implicitKey && defaultKeyType) || defaultStringType;
	        res = _stringify(t);
	        if (res === null)
	            throw new Error(`Unsupported default string type ${t}`);
	    }
	    return res;
	}

	stringifyString.stringifyString = stringifyString$1;
	return stringifyString;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify;
	hasRequiredStringify = 1;

	var anchors = requireAnchors();
	var identity = requireIdentity();
	var stringifyComment = requireStringifyComment();
	var stringifyString = requireStringifyString();

	function createStringifyContext(doc, options) {
	    const opt = Object.assign({
	        blockQuote: true,
	        commentString: stringifyComment.stringifyComment,
	        defaultKeyType: null,
	        defaultStringType: 'PLAIN',
	        directives: null,
	        doubleQuotedAsJSON: false,
	        doubleQuotedMinMultiLineLength: 40,
	        falseStr: 'false',
	        flowCollectionPadding: true,
	        indentSeq: true,
	        lineWidth: 80,
	        minContentWidth: 20,
	        nullStr: 'null',
	        simpleKeys: false,
	        singleQuote: null,
	        trailingComma: false,
	        trueStr: 'true',
	        verifyAliasOrder: true
	    }, doc.schema.toStringOptions, options);
	    let inFlow;
	    switch (opt.collectionStyle) {
	        case 'block':
	            inFlow = false;
	            break;
	        case 'flow':
	            inFlow = true;
	            break;
	        default:
	            inFlow = null;
	    }
	    return {
	        anchors: new Set(),
	        doc,
	        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
	        indent: '',
	        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
	        inFlow,
	        options: opt
	    };
	}
	function getTagObject(tags, item) {
	    if (item.tag) {
	        const match = tags.filter(t => t.tag === item.tag);
	        if (match.length > 0)
	            return match.find(t => t.format === item.format) ?? match[0];
	    }
	    let tagObj = undefined;
	    let obj;
	    if (identity.isScalar(item)) {
	        obj = item.value;
	        let match = tags.filter(t => t.identify?.(obj));
	        if (match.length > 1) {
	            const testMatch = match.filter(t => t.test);
	            if (testMatch.length > 0)
	                match = testMatch;
	        }
	        tagObj =
	            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
	    }
	    else {
	        obj = item;
	        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
	    }
	    if (!tagObj) {
	        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
	        throw new Error(`Tag not resolved for ${name} value`);
	    }
	    return tagObj;
	}
	// needs to be called before value stringifier to allow for circular anchor refs
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
	    if (!doc.directives)
	        return '';
	    const props = [];
	    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
	    if (anchor && anchors.anchorIsValid(anchor)) {
	        anchors$1.add(anchor);
	        props.push(`&${anchor}`);
	    }
	    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
	    if (tag)
	        props.push(doc.directives.tagString(tag));
	    return props.join(' ');
	}
	function stringify$1(item, ctx, onComment, onChompKeep) {
	    if (identity.isPair(item))
	        return item.toString(ctx, onComment, onChompKeep);
	    if (identity.isAlias(item)) {
	        if (ctx.doc.directives)
	            return item.toString(ctx);
	        if (ctx.resolvedAliases?.has(item)) {
	            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
	        }
	        else {
	            if (ctx.resolvedAliases)
	                ctx.resolvedAliases.add(item);
	            else
	                ctx.resolvedAliases = new Set([item]);
	            item = item.resolve(ctx.doc);
	        }
	    }
	    let tagObj = undefined;
	    const node = identity.isNode(item)
	        ? item
	        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
	    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
	    const props = stringifyProps(node, tagObj, ctx);
	    if (props.length > 0)
	        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
	    const str = typeof tagObj.stringify === 'function'
	        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
	        : identity.isScalar(node)
	            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
	            : node.toString(ctx, onComment, onChompKeep);
	    if (!props)
	        return str;
	    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
	        ? `${props} ${str}`
	        : `${props}\n${ctx.indent}${str}`;
	}

	stringify.createStringifyContext = createStringifyContext;
	stringify.stringify = stringify$1;
	return stringify;
}

var hasRequiredStringifyPair;

function requireStringifyPair () {
	if (hasRequiredStringifyPair) return stringifyPair;
	hasRequiredStringifyPair = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyPair$1({ key, value }, ctx, onComment, onChompKeep) {
	    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
	    let keyComment = (identity.isNode(key) && key.comment) || null;
	    if (simpleKeys) {
	        if (keyComment) {
	            throw new Error('With simple keys, key nodes cannot have comments');
	        }
	        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
	            const msg = 'With simple keys, collection cannot be used as a key value';
	            throw new Error(msg);
	        }
	    }
	    let explicitKey = !simpleKeys &&
	        (!key ||
	            (keyComment && value == null && !ctx.inFlow) ||
	            identity.isCollection(key) ||
	            (identity.isScalar(key)
	                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
	                : typeof key === 'object'));
	    ctx = Object.assign({}, ctx, {
	        allNullValues: false,
	        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
	        indent: indent + indentStep
	    });
	    let keyCommentDone = false;
	    let chompKeep = false;
	    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
	    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
	        if (simpleKeys)
	            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
	        explicitKey = true;
	    }
	    if (ctx.inFlow) {
	        if (allNullValues || value == null) {
	            if (keyCommentDone && onComment)
	                onComment();
	            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
	        }
	    }
	    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
	        str = `? ${str}`;
	        if (keyComment && !keyCommentDone) {
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        }
	        else if (chompKeep && onChompKeep)
	            onChompKeep();
	        return str;
	    }
	    if (keyCommentDone)
	        keyComment = null;
	    if (explicitKey) {
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        str = `? ${str}\n${indent}:`;
	    }
	    else {
	        str = `${str}:`;
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	    }
	    let vsb, vcb, valueComment;
	    if (identity.isNode(value)) {
	        vsb = !!value.spaceBefore;
	        vcb = value.commentBefore;
	        valueComment = value.comment;
	    }
	    else {
	        vsb = false;
	        vcb = null;
	        valueComment = null;
	        if (value && typeof value === 'object')
	            value = doc.createNode(value);
	    }
	    ctx.implicitKey = false;
	    if (!explicitKey && !keyComment && identity.isScalar(value))
	        ctx.indentAtStart = str.length + 1;
	    chompKeep = false;
	    if (!indentSeq &&
	        indentStep.length >= 2 &&
	        !ctx.inFlow &&
	        !explicitKey &&
	        identity.isSeq(value) &&
	        !value.flow &&
	        !value.tag &&
	        !value.anchor) {
	        // If indentSeq === false, consider '- ' as part of indentation where possible
	        ctx.indent = ctx.indent.substring(2);
	    }
	    let valueCommentDone = false;
	    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
	    let ws = ' ';
	    if (keyComment || vsb || vcb) {
	        ws = vsb ? '\n' : '';
	        if (vcb) {
	            const cs = commentString(vcb);
	            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
	        }
	        if (valueStr === '' && !ctx.inFlow) {
	            if (ws === '\n' && valueComment)
	                ws = '\n\n';
	        }
	        else {
	            ws += `\n${ctx.indent}`;
	        }
	    }
	    else if (!explicitKey && identity.isCollection(value)) {
	        const vs0 = valueStr[0];
	        const nl0 = valueStr.indexOf('\n');
	        const hasNewline = nl0 !== -1;
	        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
	        if (hasNewline || !flow) {
	            let hasPropsLine = false;
	            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
	                let sp0 = valueStr.indexOf(' ');
	                if (vs0 === '&' &&
	                    sp0 !== -1 &&
	                    sp0 < nl0 &&
	                    valueStr[sp0 + 1] === '!') {
	                    sp0 = valueStr.indexOf(' ', sp0 + 1);
	                }
	                if (sp0 === -1 || nl0 < sp0)
	                    hasPropsLine = true;
	            }
	            if (!hasPropsLine)
	                ws = `\n${ctx.indent}`;
	        }
	    }
	    else if (valueStr === '' || valueStr[0] === '\n') {
	        ws = '';
	    }
	    str += ws + valueStr;
	    if (ctx.inFlow) {
	        if (valueCommentDone && onComment)
	            onComment();
	    }
	    else if (valueComment && !valueCommentDone) {
	        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
	    }
	    else if (chompKeep && onChompKeep) {
	        onChompKeep();
	    }
	    return str;
	}

	stringifyPair.stringifyPair = stringifyPair$1;
	return stringifyPair;
}

var addPairToJSMap = {};

var log = {};

var hasRequiredLog;

function requireLog () {
	if (hasRequiredLog) return log;
	hasRequiredLog = 1;

	var node_process = require$$0$2;

	function debug(logLevel, ...messages) {
	    if (logLevel === 'debug')
	        console.log(...messages);
	}
	function warn(logLevel, warning) {
	    if (logLevel === 'debug' || logLevel === 'warn') {
	        if (typeof node_process.emitWarning === 'function')
	            node_process.emitWarning(warning);
	        else
	            console.warn(warning);
	    }
	}

	log.debug = debug;
	log.warn = warn;
	return log;
}

var merge$1 = {};

var hasRequiredMerge;

function requireMerge () {
	if (hasRequiredMerge) return merge$1;
	hasRequiredMerge = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();

	// If the value associated with a merge key is a single mapping node, each of
	// its key/value pairs is inserted into the current mapping, unless the key
	// already exists in it. If the value associated with the merge key is a
	// sequence, then this sequence is expected to contain mapping nodes and each
	// of these nodes is merged in turn according to its order in the sequence.
	// Keys in mapping nodes earlier in the sequence override keys specified in
	// later mapping nodes. -- http://yaml.org/type/merge.html
	const MERGE_KEY = '<<';
	const merge = {
	    identify: value => value === MERGE_KEY ||
	        (typeof value === 'symbol' && value.description === MERGE_KEY),
	    default: 'key',
	    tag: 'tag:yaml.org,2002:merge',
	    test: /^<<$/,
	    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
	        addToJSMap: addMergeToJSMap
	    }),
	    stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge.identify(key) ||
	    (identity.isScalar(key) &&
	        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
	        merge.identify(key.value))) &&
	    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (identity.isSeq(source))
	        for (const it of source.items)
	            mergeValue(ctx, map, it);
	    else if (Array.isArray(source))
	        for (const it of source)
	            mergeValue(ctx, map, it);
	    else
	        mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (!identity.isMap(source))
	        throw new Error('Merge sources must be maps or map aliases');
	    const srcMap = source.toJSON(null, ctx, Map);
	    for (const [key, value] of srcMap) {
	        if (map instanceof Map) {
	            if (!map.has(key))
	                map.set(key, value);
	        }
	        else if (map instanceof Set) {
	            map.add(key);
	        }
	        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
	            Object.defineProperty(map, key, {
	                value,
	                writable: true,
	                enumerable: true,
	                configurable: true
	            });
	        }
	    }
	    return map;
	}
	function resolveAliasValue(ctx, value) {
	    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}

	merge$1.addMergeToJSMap = addMergeToJSMap;
	merge$1.isMergeKey = isMergeKey;
	merge$1.merge = merge;
	return merge$1;
}

var hasRequiredAddPairToJSMap;

function requireAddPairToJSMap () {
	if (hasRequiredAddPairToJSMap) return addPairToJSMap;
	hasRequiredAddPairToJSMap = 1;

	var log = requireLog();
	var merge = requireMerge();
	var stringify = requireStringify();
	var identity = requireIdentity();
	var toJS = requireToJS();

	function addPairToJSMap$1(ctx, map, { key, value }) {
	    if (identity.isNode(key) && key.addToJSMap)
	        key.addToJSMap(ctx, map, value);
	    // TODO: Should drop this special case for bare << handling
	    else if (merge.isMergeKey(ctx, key))
	        merge.addMergeToJSMap(ctx, map, value);
	    else {
	        const jsKey = toJS.toJS(key, '', ctx);
	        if (map instanceof Map) {
	            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
	        }
	        else if (map instanceof Set) {
	            map.add(jsKey);
	        }
	        else {
	            const stringKey = stringifyKey(key, jsKey, ctx);
	            const jsValue = toJS.toJS(value, stringKey, ctx);
	            if (stringKey in map)
	                Object.defineProperty(map, stringKey, {
	                    value: jsValue,
	                    writable: true,
	                    enumerable: true,
	                    configurable: true
	                });
	            else
	                map[stringKey] = jsValue;
	        }
	    }
	    return map;
	}
	function stringifyKey(key, jsKey, ctx) {
	    if (jsKey === null)
	        return '';
	    // eslint-disable-next-line @typescript-eslint/no-base-to-string
	    if (typeof jsKey !== 'object')
	        return String(jsKey);
	    if (identity.isNode(key) && ctx?.doc) {
	        const strCtx = stringify.createStringifyContext(ctx.doc, {});
	        strCtx.anchors = new Set();
	        for (const node of ctx.anchors.keys())
	            strCtx.anchors.add(node.anchor);
	        strCtx.inFlow = true;
	        strCtx.inStringifyKey = true;
	        const strKey = key.toString(strCtx);
	        if (!ctx.mapKeyWarned) {
	            let jsonStr = JSON.stringify(strKey);
	            if (jsonStr.length > 40)
	                jsonStr = jsonStr.substring(0, 36) + '..."';
	            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
	            ctx.mapKeyWarned = true;
	        }
	        return strKey;
	    }
	    return JSON.stringify(jsKey);
	}

	addPairToJSMap.addPairToJSMap = addPairToJSMap$1;
	return addPairToJSMap;
}

var hasRequiredPair;

function requirePair () {
	if (hasRequiredPair) return Pair;
	hasRequiredPair = 1;

	var createNode = requireCreateNode();
	var stringifyPair = requireStringifyPair();
	var addPairToJSMap = requireAddPairToJSMap();
	var identity = requireIdentity();

	function createPair(key, value, ctx) {
	    const k = createNode.createNode(key, undefined, ctx);
	    const v = createNode.createNode(value, undefined, ctx);
	    return new Pair$1(k, v);
	}
	let Pair$1 = class Pair {
	    constructor(key, value = null) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
	        this.key = key;
	        this.value = value;
	    }
	    clone(schema) {
	        let { key, value } = this;
	        if (identity.isNode(key))
	            key = key.clone(schema);
	        if (identity.isNode(value))
	            value = value.clone(schema);
	        return new Pair(key, value);
	    }
	    toJSON(_, ctx) {
	        const pair = ctx?.mapAsMap ? new Map() : {};
	        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        return ctx?.doc
	            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
	            : JSON.stringify(this);
	    }
	};

	Pair.Pair = Pair$1;
	Pair.createPair = createPair;
	return Pair;
}

var Schema = {};

var map = {};

var YAMLMap = {};

var stringifyCollection = {};

var hasRequiredStringifyCollection;

function requireStringifyCollection () {
	if (hasRequiredStringifyCollection) return stringifyCollection;
	hasRequiredStringifyCollection = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyCollection$1(collection, ctx, options) {
	    const flow = ctx.inFlow ?? collection.flow;
	    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
	    return stringify(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
	    const { indent, options: { commentString } } = ctx;
	    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
	    let chompKeep = false; // flag for the preceding node's status
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (!chompKeep && item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (!chompKeep && ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
	            }
	        }
	        chompKeep = false;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        if (chompKeep && comment)
	            chompKeep = false;
	        lines.push(blockItemPrefix + str);
	    }
	    let str;
	    if (lines.length === 0) {
	        str = flowChars.start + flowChars.end;
	    }
	    else {
	        str = lines[0];
	        for (let i = 1; i < lines.length; ++i) {
	            const line = lines[i];
	            str += line ? `\n${indent}${line}` : '\n';
	        }
	    }
	    if (comment) {
	        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
	        if (onComment)
	            onComment();
	    }
	    else if (chompKeep && onChompKeep)
	        onChompKeep();
	    return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
	    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
	    itemIndent += indentStep;
	    const itemCtx = Object.assign({}, ctx, {
	        indent: itemIndent,
	        inFlow: true,
	        type: null
	    });
	    let reqNewline = false;
	    let linesAtValue = 0;
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, false);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, false);
	                if (ik.comment)
	                    reqNewline = true;
	            }
	            const iv = identity.isNode(item.value) ? item.value : null;
	            if (iv) {
	                if (iv.comment)
	                    comment = iv.comment;
	                if (iv.commentBefore)
	                    reqNewline = true;
	            }
	            else if (item.value == null && ik?.comment) {
	                comment = ik.comment;
	            }
	        }
	        if (comment)
	            reqNewline = true;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null));
	        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
	        if (i < items.length - 1) {
	            str += ',';
	        }
	        else if (ctx.options.trailingComma) {
	            if (ctx.options.lineWidth > 0) {
	                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
	                    (str.length + 2) >
	                    ctx.options.lineWidth);
	            }
	            if (reqNewline) {
	                str += ',';
	            }
	        }
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        lines.push(str);
	        linesAtValue = lines.length;
	    }
	    const { start, end } = flowChars;
	    if (lines.length === 0) {
	        return start + end;
	    }
	    else {
	        if (!reqNewline) {
	            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
	            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
	        }
	        if (reqNewline) {
	            let str = start;
	            for (const line of lines)
	                str += line ? `\n${indentStep}${indent}${line}` : '\n';
	            return `${str}\n${indent}${end}`;
	        }
	        else {
	            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
	        }
	    }
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
	    if (comment && chompKeep)
	        comment = comment.replace(/^\n+/, '');
	    if (comment) {
	        const ic = stringifyComment.indentComment(commentString(comment), indent);
	        lines.push(ic.trimStart()); // Avoid double indent on first line
	    }
	}

	stringifyCollection.stringifyCollection = stringifyCollection$1;
	return stringifyCollection;
}

var hasRequiredYAMLMap;

function requireYAMLMap () {
	if (hasRequiredYAMLMap) return YAMLMap;
	hasRequiredYAMLMap = 1;

	var stringifyCollection = requireStringifyCollection();
	var addPairToJSMap = requireAddPairToJSMap();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();

	function findPair(items, key) {
	    const k = identity.isScalar(key) ? key.value : key;
	    for (const it of items) {
	        if (identity.isPair(it)) {
	            if (it.key === key || it.key === k)
	                return it;
	            if (identity.isScalar(it.key) && it.key.value === k)
	                return it;
	        }
	    }
	    return undefined;
	}
	let YAMLMap$1 = class YAMLMap extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:map';
	    }
	    constructor(schema) {
	        super(identity.MAP, schema);
	        this.items = [];
	    }
	    /**
	     * A generic collection parsing method that can be extended
	     * to other node classes that inherit from YAMLMap
	     */
	    static from(schema, obj, ctx) {
	        const { keepUndefined, replacer } = ctx;
	        const map = new this(schema);
	        const add = (key, value) => {
	            if (typeof replacer === 'function')
	                value = replacer.call(obj, key, value);
	            else if (Array.isArray(replacer) && !replacer.includes(key))
	                return;
	            if (value !== undefined || keepUndefined)
	                map.items.push(Pair.createPair(key, value, ctx));
	        };
	        if (obj instanceof Map) {
	            for (const [key, value] of obj)
	                add(key, value);
	        }
	        else if (obj && typeof obj === 'object') {
	            for (const key of Object.keys(obj))
	                add(key, obj[key]);
	        }
	        if (typeof schema.sortMapEntries === 'function') {
	            map.items.sort(schema.sortMapEntries);
	        }
	        return map;
	    }
	    /**
	     * Adds a value to the collection.
	     *
	     * @param overwrite - If not set `true`, using a key that is already in the
	     *   collection will throw. Otherwise, overwrites the previous value.
	     */
	    add(pair, overwrite) {
	        let _pair;
	        if (identity.isPair(pair))
	            _pair = pair;
	        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
	            // In TypeScript, this never happens.
	            _pair = new Pair.Pair(pair, pair?.value);
	        }
	        else
	            _pair = new Pair.Pair(pair.key, pair.value);
	        const prev = findPair(this.items, _pair.key);
	        const sortEntries = this.schema?.sortMapEntries;
	        if (prev) {
	            if (!overwrite)
	                throw new Error(`Key ${_pair.key} already set`);
	            // For scalars, keep the old node & its comments and anchors
	            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
	                prev.value.value = _pair.value;
	            else
	                prev.value = _pair.value;
	        }
	        else if (sortEntries) {
	            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
	            if (i === -1)
	                this.items.push(_pair);
	            else
	                this.items.splice(i, 0, _pair);
	        }
	        else {
	            this.items.push(_pair);
	        }
	    }
	    delete(key) {
	        const it = findPair(this.items, key);
	        if (!it)
	            return false;
	        const del = this.items.splice(this.items.indexOf(it), 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const it = findPair(this.items, key);
	        const node = it?.value;
	        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
	    }
	    has(key) {
	        return !!findPair(this.items, key);
	    }
	    set(key, value) {
	        this.add(new Pair.Pair(key, value), true);
	    }
	    /**
	     * @param ctx - Conversion context, originally set in Document#toJS()
	     * @param {Class} Type - If set, forces the returned collection type
	     * @returns Instance of Type, Map, or Object
	     */
	    toJSON(_, ctx, Type) {
	        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const item of this.items)
	            addPairToJSMap.addPairToJSMap(ctx, map, item);
	        return map;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        for (const item of this.items) {
	            if (!identity.isPair(item))
	                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
	        }
	        if (!ctx.allNullValues && this.hasAllNullValues(false))
	            ctx = Object.assign({}, ctx, { allNullValues: true });
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '',
	            flowChars: { start: '{', end: '}' },
	            itemIndent: ctx.indent || '',
	            onChompKeep,
	            onComment
	        });
	    }
	};

	YAMLMap.YAMLMap = YAMLMap$1;
	YAMLMap.findPair = findPair;
	return YAMLMap;
}

var hasRequiredMap;

function requireMap () {
	if (hasRequiredMap) return map;
	hasRequiredMap = 1;

	var identity = requireIdentity();
	var YAMLMap = requireYAMLMap();

	const map$1 = {
	    collection: 'map',
	    default: true,
	    nodeClass: YAMLMap.YAMLMap,
	    tag: 'tag:yaml.org,2002:map',
	    resolve(map, onError) {
	        if (!identity.isMap(map))
	            onError('Expected a mapping for this tag');
	        return map;
	    },
	    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};

	map.map = map$1;
	return map;
}

var seq = {};

var YAMLSeq = {};

var hasRequiredYAMLSeq;

function requireYAMLSeq () {
	if (hasRequiredYAMLSeq) return YAMLSeq;
	hasRequiredYAMLSeq = 1;

	var createNode = requireCreateNode();
	var stringifyCollection = requireStringifyCollection();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Scalar = requireScalar();
	var toJS = requireToJS();

	let YAMLSeq$1 = class YAMLSeq extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:seq';
	    }
	    constructor(schema) {
	        super(identity.SEQ, schema);
	        this.items = [];
	    }
	    add(value) {
	        this.items.push(value);
	    }
	    /**
	     * Removes a value from the collection.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     *
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return false;
	        const del = this.items.splice(idx, 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return undefined;
	        const it = this.items[idx];
	        return !keepScalar && identity.isScalar(it) ? it.value : it;
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     */
	    has(key) {
	        const idx = asItemIndex(key);
	        return typeof idx === 'number' && idx < this.items.length;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     *
	     * If `key` does not contain a representation of an integer, this will throw.
	     * It may be wrapped in a `Scalar`.
	     */
	    set(key, value) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            throw new Error(`Expected a valid index, not ${key}.`);
	        const prev = this.items[idx];
	        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
	            prev.value = value;
	        else
	            this.items[idx] = value;
	    }
	    toJSON(_, ctx) {
	        const seq = [];
	        if (ctx?.onCreate)
	            ctx.onCreate(seq);
	        let i = 0;
	        for (const item of this.items)
	            seq.push(toJS.toJS(item, String(i++), ctx));
	        return seq;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '- ',
	            flowChars: { start: '[', end: ']' },
	            itemIndent: (ctx.indent || '') + '  ',
	            onChompKeep,
	            onComment
	        });
	    }
	    static from(schema, obj, ctx) {
	        const { replacer } = ctx;
	        const seq = new this(schema);
	        if (obj && Symbol.iterator in Object(obj)) {
	            let i = 0;
	            for (let it of obj) {
	                if (typeof replacer === 'function') {
	                    const key = obj instanceof Set ? it : String(i++);
	                    it = replacer.call(obj, key, it);
	                }
	                seq.items.push(createNode.createNode(it, undefined, ctx));
	            }
	        }
	        return seq;
	    }
	};
	function asItemIndex(key) {
	    let idx = identity.isScalar(key) ? key.value : key;
	    if (idx && typeof idx === 'string')
	        idx = Number(idx);
	    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
	        ? idx
	        : null;
	}

	YAMLSeq.YAMLSeq = YAMLSeq$1;
	return YAMLSeq;
}

var hasRequiredSeq;

function requireSeq () {
	if (hasRequiredSeq) return seq;
	hasRequiredSeq = 1;

	var identity = requireIdentity();
	var YAMLSeq = requireYAMLSeq();

	const seq$1 = {
	    collection: 'seq',
	    default: true,
	    nodeClass: YAMLSeq.YAMLSeq,
	    tag: 'tag:yaml.org,2002:seq',
	    resolve(seq, onError) {
	        if (!identity.isSeq(seq))
	            onError('Expected a sequence for this tag');
	        return seq;
	    },
	    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};

	seq.seq = seq$1;
	return seq;
}

var string = {};

var hasRequiredString;

function requireString () {
	if (hasRequiredString) return string;
	hasRequiredString = 1;

	var stringifyString = requireStringifyString();

	const string$1 = {
	    identify: value => typeof value === 'string',
	    default: true,
	    tag: 'tag:yaml.org,2002:str',
	    resolve: str => str,
	    stringify(item, ctx, onComment, onChompKeep) {
	        ctx = Object.assign({ actualString: true }, ctx);
	        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
	    }
	};

	string.string = string$1;
	return string;
}

var tags = {};

var _null = {};

var hasRequired_null;

function require_null () {
	if (hasRequired_null) return _null;
	hasRequired_null = 1;

	var Scalar = requireScalar();

	const nullTag = {
	    identify: value => value == null,
	    createNode: () => new Scalar.Scalar(null),
	    default: true,
	    tag: 'tag:yaml.org,2002:null',
	    test: /^(?:~|[Nn]ull|NULL)?$/,
	    resolve: () => new Scalar.Scalar(null),
	    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
	        ? source
	        : ctx.options.nullStr
	};

	_null.nullTag = nullTag;
	return _null;
}

var bool$1 = {};

var hasRequiredBool$1;

function requireBool$1 () {
	if (hasRequiredBool$1) return bool$1;
	hasRequiredBool$1 = 1;

	var Scalar = requireScalar();

	const boolTag = {
	    identify: value => typeof value === 'boolean',
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
	    stringify({ source, value }, ctx) {
	        if (source && boolTag.test.test(source)) {
	            const sv = source[0] === 't' || source[0] === 'T';
	            if (value === sv)
	                return source;
	        }
	        return value ? ctx.options.trueStr : ctx.options.falseStr;
	    }
	};

	bool$1.boolTag = boolTag;
	return bool$1;
}

var float$1 = {};

var stringifyNumber = {};

var hasRequiredStringifyNumber;

function requireStringifyNumber () {
	if (hasRequiredStringifyNumber) return stringifyNumber;
	hasRequiredStringifyNumber = 1;

	function stringifyNumber$1({ format, minFractionDigits, tag, value }) {
	    if (typeof value === 'bigint')
	        return String(value);
	    const num = typeof value === 'number' ? value : Number(value);
	    if (!isFinite(num))
	        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
	    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
	    if (!format &&
	        minFractionDigits &&
	        (!tag || tag === 'tag:yaml.org,2002:float') &&
	        /^-?\d/.test(n) &&
	        !n.includes('e')) {
	        let i = n.indexOf('.');
	        if (i < 0) {
	            i = n.length;
	            n += '.';
	        }
	        let d = minFractionDigits - (n.length - i - 1);
	        while (d-- > 0)
	            n += '0';
	    }
	    return n;
	}

	stringifyNumber.stringifyNumber = stringifyNumber$1;
	return stringifyNumber;
}

var hasRequiredFloat$1;

function requireFloat$1 () {
	if (hasRequiredFloat$1) return float$1;
	hasRequiredFloat$1 = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: str => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	    resolve: str => parseFloat(str),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str));
	        const dot = str.indexOf('.');
	        if (dot !== -1 && str[str.length - 1] === '0')
	            node.minFractionDigits = str.length - dot - 1;
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float$1.float = float;
	float$1.floatExp = floatExp;
	float$1.floatNaN = floatNaN;
	return float$1;
}

var int$1 = {};

var hasRequiredInt$1;

function requireInt$1 () {
	if (hasRequiredInt$1) return int$1;
	hasRequiredInt$1 = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value) && value >= 0)
	        return prefix + value.toString(radix);
	    return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^0o[0-7]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
	    stringify: node => intStringify(node, 8, '0o')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^0x[0-9a-fA-F]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$1.int = int;
	int$1.intHex = intHex;
	int$1.intOct = intOct;
	return int$1;
}

var schema$2 = {};

var hasRequiredSchema$3;

function requireSchema$3 () {
	if (hasRequiredSchema$3) return schema$2;
	hasRequiredSchema$3 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.boolTag,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float
	];

	schema$2.schema = schema;
	return schema$2;
}

var schema$1 = {};

var hasRequiredSchema$2;

function requireSchema$2 () {
	if (hasRequiredSchema$2) return schema$1;
	hasRequiredSchema$2 = 1;

	var Scalar = requireScalar();
	var map = requireMap();
	var seq = requireSeq();

	function intIdentify(value) {
	    return typeof value === 'bigint' || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
	    {
	        identify: value => typeof value === 'string',
	        default: true,
	        tag: 'tag:yaml.org,2002:str',
	        resolve: str => str,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => value == null,
	        createNode: () => new Scalar.Scalar(null),
	        default: true,
	        tag: 'tag:yaml.org,2002:null',
	        test: /^null$/,
	        resolve: () => null,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => typeof value === 'boolean',
	        default: true,
	        tag: 'tag:yaml.org,2002:bool',
	        test: /^true$|^false$/,
	        resolve: str => str === 'true',
	        stringify: stringifyJSON
	    },
	    {
	        identify: intIdentify,
	        default: true,
	        tag: 'tag:yaml.org,2002:int',
	        test: /^-?(?:0|[1-9][0-9]*)$/,
	        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
	        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
	    },
	    {
	        identify: value => typeof value === 'number',
	        default: true,
	        tag: 'tag:yaml.org,2002:float',
	        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
	        resolve: str => parseFloat(str),
	        stringify: stringifyJSON
	    }
	];
	const jsonError = {
	    default: true,
	    tag: '',
	    test: /^/,
	    resolve(str, onError) {
	        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
	        return str;
	    }
	};
	const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

	schema$1.schema = schema;
	return schema$1;
}

var binary = {};

var hasRequiredBinary;

function requireBinary () {
	if (hasRequiredBinary) return binary;
	hasRequiredBinary = 1;

	var node_buffer = require$$0$3;
	var Scalar = requireScalar();
	var stringifyString = requireStringifyString();

	const binary$1 = {
	    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
	    default: false,
	    tag: 'tag:yaml.org,2002:binary',
	    /**
	     * Returns a Buffer in node and an Uint8Array in browsers
	     *
	     * To use the resulting buffer as an image, you'll want to do something like:
	     *
	     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
	     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
	     */
	    resolve(src, onError) {
	        if (typeof node_buffer.Buffer === 'function') {
	            return node_buffer.Buffer.from(src, 'base64');
	        }
	        else if (typeof atob === 'function') {
	            // On IE 11, atob() can't handle newlines
	            const str = atob(src.replace(/[\n\r]/g, ''));
	            const buffer = new Uint8Array(str.length);
	            for (let i = 0; i < str.length; ++i)
	                buffer[i] = str.charCodeAt(i);
	            return buffer;
	        }
	        else {
	            onError('This environment does not support reading binary tags; either Buffer or atob is required');
	            return src;
	        }
	    },
	    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
	        if (!value)
	            return '';
	        const buf = value; // checked earlier by binary.identify()
	        let str;
	        if (typeof node_buffer.Buffer === 'function') {
	            str =
	                buf instanceof node_buffer.Buffer
	                    ? buf.toString('base64')
	                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
	        }
	        else if (typeof btoa === 'function') {
	            let s = '';
	            for (let i = 0; i < buf.length; ++i)
	                s += String.fromCharCode(buf[i]);
	            str = btoa(s);
	        }
	        else {
	            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
	        }
	        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
	        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
	            const n = Math.ceil(str.length / lineWidth);
	            const lines = new Array(n);
	            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
	                lines[i] = str.substr(o, lineWidth);
	            }
	            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
	        }
	        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
	    }
	};

	binary.binary = binary$1;
	return binary;
}

var omap = {};

var pairs = {};

var hasRequiredPairs;

function requirePairs () {
	if (hasRequiredPairs) return pairs;
	hasRequiredPairs = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLSeq = requireYAMLSeq();

	function resolvePairs(seq, onError) {
	    if (identity.isSeq(seq)) {
	        for (let i = 0; i < seq.items.length; ++i) {
	            let item = seq.items[i];
	            if (identity.isPair(item))
	                continue;
	            else if (identity.isMap(item)) {
	                if (item.items.length > 1)
	                    onError('Each pair must have its own sequence indicator');
	                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
	                if (item.commentBefore)
	                    pair.key.commentBefore = pair.key.commentBefore
	                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
	                        : item.commentBefore;
	                if (item.comment) {
	                    const cn = pair.value ?? pair.key;
	                    cn.comment = cn.comment
	                        ? `${item.comment}\n${cn.comment}`
	                        : item.comment;
	                }
	                item = pair;
	            }
	            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
	        }
	    }
	    else
	        onError('Expected a sequence for this tag');
	    return seq;
	}
	function createPairs(schema, iterable, ctx) {
	    const { replacer } = ctx;
	    const pairs = new YAMLSeq.YAMLSeq(schema);
	    pairs.tag = 'tag:yaml.org,2002:pairs';
	    let i = 0;
	    if (iterable && Symbol.iterator in Object(iterable))
	        for (let it of iterable) {
	            if (typeof replacer === 'function')
	                it = replacer.call(iterable, String(i++), it);
	            let key, value;
	            if (Array.isArray(it)) {
	                if (it.length === 2) {
	                    key = it[0];
	                    value = it[1];
	                }
	                else
	                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
	            }
	            else if (it && it instanceof Object) {
	                const keys = Object.keys(it);
	                if (keys.length === 1) {
	                    key = keys[0];
	                    value = it[key];
	                }
	                else {
	                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
	                }
	            }
	            else {
	                key = it;
	            }
	            pairs.items.push(Pair.createPair(key, value, ctx));
	        }
	    return pairs;
	}
	const pairs$1 = {
	    collection: 'seq',
	    default: false,
	    tag: 'tag:yaml.org,2002:pairs',
	    resolve: resolvePairs,
	    createNode: createPairs
	};

	pairs.createPairs = createPairs;
	pairs.pairs = pairs$1;
	pairs.resolvePairs = resolvePairs;
	return pairs;
}

var hasRequiredOmap;

function requireOmap () {
	if (hasRequiredOmap) return omap;
	hasRequiredOmap = 1;

	var identity = requireIdentity();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var pairs = requirePairs();

	class YAMLOMap extends YAMLSeq.YAMLSeq {
	    constructor() {
	        super();
	        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
	        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
	        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
	        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
	        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
	        this.tag = YAMLOMap.tag;
	    }
	    /**
	     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
	     * but TypeScript won't allow widening the signature of a child method.
	     */
	    toJSON(_, ctx) {
	        if (!ctx)
	            return super.toJSON(_);
	        const map = new Map();
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const pair of this.items) {
	            let key, value;
	            if (identity.isPair(pair)) {
	                key = toJS.toJS(pair.key, '', ctx);
	                value = toJS.toJS(pair.value, key, ctx);
	            }
	            else {
	                key = toJS.toJS(pair, '', ctx);
	            }
	            if (map.has(key))
	                throw new Error('Ordered maps must not include duplicate keys');
	            map.set(key, value);
	        }
	        return map;
	    }
	    static from(schema, iterable, ctx) {
	        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
	        const omap = new this();
	        omap.items = pairs$1.items;
	        return omap;
	    }
	}
	YAMLOMap.tag = 'tag:yaml.org,2002:omap';
	const omap$1 = {
	    collection: 'seq',
	    identify: value => value instanceof Map,
	    nodeClass: YAMLOMap,
	    default: false,
	    tag: 'tag:yaml.org,2002:omap',
	    resolve(seq, onError) {
	        const pairs$1 = pairs.resolvePairs(seq, onError);
	        const seenKeys = [];
	        for (const { key } of pairs$1.items) {
	            if (identity.isScalar(key)) {
	                if (seenKeys.includes(key.value)) {
	                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
	                }
	                else {
	                    seenKeys.push(key.value);
	                }
	            }
	        }
	        return Object.assign(new YAMLOMap(), pairs$1);
	    },
	    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};

	omap.YAMLOMap = YAMLOMap;
	omap.omap = omap$1;
	return omap;
}

var schema = {};

var bool = {};

var hasRequiredBool;

function requireBool () {
	if (hasRequiredBool) return bool;
	hasRequiredBool = 1;

	var Scalar = requireScalar();

	function boolStringify({ value, source }, ctx) {
	    const boolObj = value ? trueTag : falseTag;
	    if (source && boolObj.test.test(source))
	        return source;
	    return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
	    identify: value => value === true,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
	    resolve: () => new Scalar.Scalar(true),
	    stringify: boolStringify
	};
	const falseTag = {
	    identify: value => value === false,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
	    resolve: () => new Scalar.Scalar(false),
	    stringify: boolStringify
	};

	bool.falseTag = falseTag;
	bool.trueTag = trueTag;
	return bool;
}

var float = {};

var hasRequiredFloat;

function requireFloat () {
	if (hasRequiredFloat) return float;
	hasRequiredFloat = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	    resolve: (str) => parseFloat(str.replace(/_/g, '')),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float$1 = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
	        const dot = str.indexOf('.');
	        if (dot !== -1) {
	            const f = str.substring(dot + 1).replace(/_/g, '');
	            if (f[f.length - 1] === '0')
	                node.minFractionDigits = f.length;
	        }
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float.float = float$1;
	float.floatExp = floatExp;
	float.floatNaN = floatNaN;
	return float;
}

var int = {};

var hasRequiredInt;

function requireInt () {
	if (hasRequiredInt) return int;
	hasRequiredInt = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
	    const sign = str[0];
	    if (sign === '-' || sign === '+')
	        offset += 1;
	    str = str.substring(offset).replace(/_/g, '');
	    if (intAsBigInt) {
	        switch (radix) {
	            case 2:
	                str = `0b${str}`;
	                break;
	            case 8:
	                str = `0o${str}`;
	                break;
	            case 16:
	                str = `0x${str}`;
	                break;
	        }
	        const n = BigInt(str);
	        return sign === '-' ? BigInt(-1) * n : n;
	    }
	    const n = parseInt(str, radix);
	    return sign === '-' ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value)) {
	        const str = value.toString(radix);
	        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
	    }
	    return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'BIN',
	    test: /^[-+]?0b[0-1_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
	    stringify: node => intStringify(node, 2, '0b')
	};
	const intOct = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^[-+]?0[0-7_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
	    stringify: node => intStringify(node, 8, '0')
	};
	const int$1 = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9][0-9_]*$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^[-+]?0x[0-9a-fA-F_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int.int = int$1;
	int.intBin = intBin;
	int.intHex = intHex;
	int.intOct = intOct;
	return int;
}

var set = {};

var hasRequiredSet;

function requireSet () {
	if (hasRequiredSet) return set;
	hasRequiredSet = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();

	class YAMLSet extends YAMLMap.YAMLMap {
	    constructor(schema) {
	        super(schema);
	        this.tag = YAMLSet.tag;
	    }
	    add(key) {
	        let pair;
	        if (identity.isPair(key))
	            pair = key;
	        else if (key &&
	            typeof key === 'object' &&
	            'key' in key &&
	            'value' in key &&
	            key.value === null)
	            pair = new Pair.Pair(key.key, null);
	        else
	            pair = new Pair.Pair(key, null);
	        const prev = YAMLMap.findPair(this.items, pair.key);
	        if (!prev)
	            this.items.push(pair);
	    }
	    /**
	     * If `keepPair` is `true`, returns the Pair matching `key`.
	     * Otherwise, returns the value of that Pair's key.
	     */
	    get(key, keepPair) {
	        const pair = YAMLMap.findPair(this.items, key);
	        return !keepPair && identity.isPair(pair)
	            ? identity.isScalar(pair.key)
	                ? pair.key.value
	                : pair.key
	            : pair;
	    }
	    set(key, value) {
	        if (typeof value !== 'boolean')
	            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
	        const prev = YAMLMap.findPair(this.items, key);
	        if (prev && !value) {
	            this.items.splice(this.items.indexOf(prev), 1);
	        }
	        else if (!prev && value) {
	            this.items.push(new Pair.Pair(key));
	        }
	    }
	    toJSON(_, ctx) {
	        return super.toJSON(_, ctx, Set);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        if (this.hasAllNullValues(true))
	            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
	        else
	            throw new Error('Set items must all have null values');
	    }
	    static from(schema, iterable, ctx) {
	        const { replacer } = ctx;
	        const set = new this(schema);
	        if (iterable && Symbol.iterator in Object(iterable))
	            for (let value of iterable) {
	                if (typeof replacer === 'function')
	                    value = replacer.call(iterable, value, value);
	                set.items.push(Pair.createPair(value, null, ctx));
	            }
	        return set;
	    }
	}
	YAMLSet.tag = 'tag:yaml.org,2002:set';
	const set$1 = {
	    collection: 'map',
	    identify: value => value instanceof Set,
	    nodeClass: YAMLSet,
	    default: false,
	    tag: 'tag:yaml.org,2002:set',
	    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
	    resolve(map, onError) {
	        if (identity.isMap(map)) {
	            if (map.hasAllNullValues(true))
	                return Object.assign(new YAMLSet(), map);
	            else
	                onError('Set items must all have null values');
	        }
	        else
	            onError('Expected a mapping for this tag');
	        return map;
	    }
	};

	set.YAMLSet = YAMLSet;
	set.set = set$1;
	return set;
}

var timestamp = {};

var hasRequiredTimestamp;

function requireTimestamp () {
	if (hasRequiredTimestamp) return timestamp;
	hasRequiredTimestamp = 1;

	var stringifyNumber = requireStringifyNumber();

	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
	    const sign = str[0];
	    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
	    const num = (n) => asBigInt ? BigInt(n) : Number(n);
	    const res = parts
	        .replace(/_/g, '')
	        .split(':')
	        .reduce((res, p) => res * num(60) + num(p), num(0));
	    return (sign === '-' ? num(-1) * res : res);
	}
	/**
	 * hhhh:mm:ss.sss
	 *
	 * Internal types handle bigint as number, because TS can't figure it out.
	 */
	function stringifySexagesimal(node) {
	    let { value } = node;
	    let num = (n) => n;
	    if (typeof value === 'bigint')
	        num = n => BigInt(n);
	    else if (isNaN(value) || !isFinite(value))
	        return stringifyNumber.stringifyNumber(node);
	    let sign = '';
	    if (value < 0) {
	        sign = '-';
	        value *= num(-1);
	    }
	    const _60 = num(60);
	    const parts = [value % _60]; // seconds, including ms
	    if (value < 60) {
	        parts.unshift(0); // at least one : is required
	    }
	    else {
	        value = (value - parts[0]) / _60;
	        parts.unshift(value % _60); // minutes
	        if (value >= 60) {
	            value = (value - parts[0]) / _60;
	            parts.unshift(value); // hours
	        }
	    }
	    return (sign +
	        parts
	            .map(n => String(n).padStart(2, '0'))
	            .join(':')
	            .replace(/000000\d*$/, '') // % 60 may introduce error
	    );
	}
	const intTime = {
	    identify: value => typeof value === 'bigint' || Number.isInteger(value),
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
	    stringify: stringifySexagesimal
	};
	const floatTime = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
	    resolve: str => parseSexagesimal(str, false),
	    stringify: stringifySexagesimal
	};
	const timestamp$1 = {
	    identify: value => value instanceof Date,
	    default: true,
	    tag: 'tag:yaml.org,2002:timestamp',
	    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
	    // may be omitted altogether, resulting in a date format. In such a case, the time part is
	    // assumed to be 00:00:00Z (start of day, UTC).
	    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
	        '(?:' + // time is optional
	        '(?:t|T|[ \\t]+)' + // t | T | whitespace
	        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
	        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
	        ')?$'),
	    resolve(str) {
	        const match = str.match(timestamp$1.test);
	        if (!match)
	            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
	        const [, year, month, day, hour, minute, second] = match.map(Number);
	        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
	        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
	        const tz = match[8];
	        if (tz && tz !== 'Z') {
	            let d = parseSexagesimal(tz, false);
	            if (Math.abs(d) < 30)
	                d *= 60;
	            date -= 60000 * d;
	        }
	        return new Date(date);
	    },
	    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
	};

	timestamp.floatTime = floatTime;
	timestamp.intTime = intTime;
	timestamp.timestamp = timestamp$1;
	return timestamp;
}

var hasRequiredSchema$1;

function requireSchema$1 () {
	if (hasRequiredSchema$1) return schema;
	hasRequiredSchema$1 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var binary = requireBinary();
	var bool = requireBool();
	var float = requireFloat();
	var int = requireInt();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schema$1 = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.trueTag,
	    bool.falseTag,
	    int.intBin,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float,
	    binary.binary,
	    merge.merge,
	    omap.omap,
	    pairs.pairs,
	    set.set,
	    timestamp.intTime,
	    timestamp.floatTime,
	    timestamp.timestamp
	];

	schema.schema = schema$1;
	return schema;
}

var hasRequiredTags;

function requireTags () {
	if (hasRequiredTags) return tags;
	hasRequiredTags = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();
	var schema = requireSchema$3();
	var schema$1 = requireSchema$2();
	var binary = requireBinary();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var schema$2 = requireSchema$1();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schemas = new Map([
	    ['core', schema.schema],
	    ['failsafe', [map.map, seq.seq, string.string]],
	    ['json', schema$1.schema],
	    ['yaml11', schema$2.schema],
	    ['yaml-1.1', schema$2.schema]
	]);
	const tagsByName = {
	    binary: binary.binary,
	    bool: bool.boolTag,
	    float: float.float,
	    floatExp: float.floatExp,
	    floatNaN: float.floatNaN,
	    floatTime: timestamp.floatTime,
	    int: int.int,
	    intHex: int.intHex,
	    intOct: int.intOct,
	    intTime: timestamp.intTime,
	    map: map.map,
	    merge: merge.merge,
	    null: _null.nullTag,
	    omap: omap.omap,
	    pairs: pairs.pairs,
	    seq: seq.seq,
	    set: set.set,
	    timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
	    'tag:yaml.org,2002:binary': binary.binary,
	    'tag:yaml.org,2002:merge': merge.merge,
	    'tag:yaml.org,2002:omap': omap.omap,
	    'tag:yaml.org,2002:pairs': pairs.pairs,
	    'tag:yaml.org,2002:set': set.set,
	    'tag:yaml.org,2002:timestamp': timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
	    const schemaTags = schemas.get(schemaName);
	    if (schemaTags && !customTags) {
	        return addMergeTag && !schemaTags.includes(merge.merge)
	            ? schemaTags.concat(merge.merge)
	            : schemaTags.slice();
	    }
	    let tags = schemaTags;
	    if (!tags) {
	        if (Array.isArray(customTags))
	            tags = [];
	        else {
	            const keys = Array.from(schemas.keys())
	                .filter(key => key !== 'yaml11')
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
	        }
	    }
	    if (Array.isArray(customTags)) {
	        for (const tag of customTags)
	            tags = tags.concat(tag);
	    }
	    else if (typeof customTags === 'function') {
	        tags = customTags(tags.slice());
	    }
	    if (addMergeTag)
	        tags = tags.concat(merge.merge);
	    return tags.reduce((tags, tag) => {
	        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
	        if (!tagObj) {
	            const tagName = JSON.stringify(tag);
	            const keys = Object.keys(tagsByName)
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
	        }
	        if (!tags.includes(tagObj))
	            tags.push(tagObj);
	        return tags;
	    }, []);
	}

	tags.coreKnownTags = coreKnownTags;
	tags.getTags = getTags;
	return tags;
}

var hasRequiredSchema;

function requireSchema () {
	if (hasRequiredSchema) return Schema;
	hasRequiredSchema = 1;

	var identity = requireIdentity();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var tags = requireTags();

	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	let Schema$1 = class Schema {
	    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
	        this.compat = Array.isArray(compat)
	            ? tags.getTags(compat, 'compat')
	            : compat
	                ? tags.getTags(null, compat)
	                : null;
	        this.name = (typeof schema === 'string' && schema) || 'core';
	        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
	        this.tags = tags.getTags(customTags, this.name, merge);
	        this.toStringOptions = toStringDefaults ?? null;
	        Object.defineProperty(this, identity.MAP, { value: map.map });
	        Object.defineProperty(this, identity.SCALAR, { value: string.string });
	        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
	        // Used by createMap()
	        this.sortMapEntries =
	            typeof sortMapEntries === 'function'
	                ? sortMapEntries
	                : sortMapEntries === true
	                    ? sortMapEntriesByKey
	                    : null;
	    }
	    clone() {
	        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
	        copy.tags = this.tags.slice();
	        return copy;
	    }
	};

	Schema.Schema = Schema$1;
	return Schema;
}

var stringifyDocument = {};

var hasRequiredStringifyDocument;

function requireStringifyDocument () {
	if (hasRequiredStringifyDocument) return stringifyDocument;
	hasRequiredStringifyDocument = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyDocument$1(doc, options) {
	    const lines = [];
	    let hasDirectives = options.directives === true;
	    if (options.directives !== false && doc.directives) {
	        const dir = doc.directives.toString(doc);
	        if (dir) {
	            lines.push(dir);
	            hasDirectives = true;
	        }
	        else if (doc.directives.docStart)
	            hasDirectives = true;
	    }
	    if (hasDirectives)
	        lines.push('---');
	    const ctx = stringify.createStringifyContext(doc, options);
	    const { commentString } = ctx.options;
	    if (doc.commentBefore) {
	        if (lines.length !== 1)
	            lines.unshift('');
	        const cs = commentString(doc.commentBefore);
	        lines.unshift(stringifyComment.indentComment(cs, ''));
	    }
	    let chompKeep = false;
	    let contentComment = null;
	    if (doc.contents) {
	        if (identity.isNode(doc.contents)) {
	            if (doc.contents.spaceBefore && hasDirectives)
	                lines.push('');
	            if (doc.contents.commentBefore) {
	                const cs = commentString(doc.contents.commentBefore);
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            // top-level block scalars need to be indented if followed by a comment
	            ctx.forceBlockIndent = !!doc.comment;
	            contentComment = doc.contents.comment;
	        }
	        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
	        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
	        if (contentComment)
	            body += stringifyComment.lineComment(body, '', commentString(contentComment));
	        if ((body[0] === '|' || body[0] === '>') &&
	            lines[lines.length - 1] === '---') {
	            // Top-level block scalars with a preceding doc marker ought to use the
	            // same line for their header.
	            lines[lines.length - 1] = `--- ${body}`;
	        }
	        else
	            lines.push(body);
	    }
	    else {
	        lines.push(stringify.stringify(doc.contents, ctx));
	    }
	    if (doc.directives?.docEnd) {
	        if (doc.comment) {
	            const cs = commentString(doc.comment);
	            if (cs.includes('\n')) {
	                lines.push('...');
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            else {
	                lines.push(`... ${cs}`);
	            }
	        }
	        else {
	            lines.push('...');
	        }
	    }
	    else {
	        let dc = doc.comment;
	        if (dc && chompKeep)
	            dc = dc.replace(/^\n+/, '');
	        if (dc) {
	            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
	                lines.push('');
	            lines.push(stringifyComment.indentComment(commentString(dc), ''));
	        }
	    }
	    return lines.join('\n') + '\n';
	}

	stringifyDocument.stringifyDocument = stringifyDocument$1;
	return stringifyDocument;
}

var hasRequiredDocument;

function requireDocument () {
	if (hasRequiredDocument) return Document;
	hasRequiredDocument = 1;

	var Alias = requireAlias();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var toJS = requireToJS();
	var Schema = requireSchema();
	var stringifyDocument = requireStringifyDocument();
	var anchors = requireAnchors();
	var applyReviver = requireApplyReviver();
	var createNode = requireCreateNode();
	var directives = requireDirectives();

	let Document$1 = class Document {
	    constructor(value, replacer, options) {
	        /** A comment before this Document */
	        this.commentBefore = null;
	        /** A comment immediately after this Document */
	        this.comment = null;
	        /** Errors encountered during parsing. */
	        this.errors = [];
	        /** Warnings encountered during parsing. */
	        this.warnings = [];
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
	        let _replacer = null;
	        if (typeof replacer === 'function' || Array.isArray(replacer)) {
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const opt = Object.assign({
	            intAsBigInt: false,
	            keepSourceTokens: false,
	            logLevel: 'warn',
	            prettyErrors: true,
	            strict: true,
	            stringKeys: false,
	            uniqueKeys: true,
	            version: '1.2'
	        }, options);
	        this.options = opt;
	        let { version } = opt;
	        if (options?._directives) {
	            this.directives = options._directives.atDocument();
	            if (this.directives.yaml.explicit)
	                version = this.directives.yaml.version;
	        }
	        else
	            this.directives = new directives.Directives({ version });
	        this.setSchema(version, options);
	        // @ts-expect-error We can't really know that this matches Contents.
	        this.contents =
	            value === undefined ? null : this.createNode(value, _replacer, options);
	    }
	    /**
	     * Create a deep copy of this Document and its contents.
	     *
	     * Custom Node values that inherit from `Object` still refer to their original instances.
	     */
	    clone() {
	        const copy = Object.create(Document.prototype, {
	            [identity.NODE_TYPE]: { value: identity.DOC }
	        });
	        copy.commentBefore = this.commentBefore;
	        copy.comment = this.comment;
	        copy.errors = this.errors.slice();
	        copy.warnings = this.warnings.slice();
	        copy.options = Object.assign({}, this.options);
	        if (this.directives)
	            copy.directives = this.directives.clone();
	        copy.schema = this.schema.clone();
	        // @ts-expect-error We can't really know that this matches Contents.
	        copy.contents = identity.isNode(this.contents)
	            ? this.contents.clone(copy.schema)
	            : this.contents;
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** Adds a value to the document. */
	    add(value) {
	        if (assertCollection(this.contents))
	            this.contents.add(value);
	    }
	    /** Adds a value to the document. */
	    addIn(path, value) {
	        if (assertCollection(this.contents))
	            this.contents.addIn(path, value);
	    }
	    /**
	     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
	     *
	     * If `node` already has an anchor, `name` is ignored.
	     * Otherwise, the `node.anchor` value will be set to `name`,
	     * or if an anchor with that name is already present in the document,
	     * `name` will be used as a prefix for a new unique anchor.
	     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
	     */
	    createAlias(node, name) {
	        if (!node.anchor) {
	            const prev = anchors.anchorNames(this);
	            node.anchor =
	                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
	        }
	        return new Alias.Alias(node.anchor);
	    }
	    createNode(value, replacer, options) {
	        let _replacer = undefined;
	        if (typeof replacer === 'function') {
	            value = replacer.call({ '': value }, '', value);
	            _replacer = replacer;
	        }
	        else if (Array.isArray(replacer)) {
	            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
	            const asStr = replacer.filter(keyToStr).map(String);
	            if (asStr.length > 0)
	                replacer = replacer.concat(asStr);
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
	        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        anchorPrefix || 'a');
	        const ctx = {
	            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
	            keepUndefined: keepUndefined ?? false,
	            onAnchor,
	            onTagObj,
	            replacer: _replacer,
	            schema: this.schema,
	            sourceObjects
	        };
	        const node = createNode.createNode(value, tag, ctx);
	        if (flow && identity.isCollection(node))
	            node.flow = true;
	        setAnchors();
	        return node;
	    }
	    /**
	     * Convert a key and a value into a `Pair` using the current schema,
	     * recursively wrapping all values as `Scalar` or `Collection` nodes.
	     */
	    createPair(key, value, options = {}) {
	        const k = this.createNode(key, null, options);
	        const v = this.createNode(value, null, options);
	        return new Pair.Pair(k, v);
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        return assertCollection(this.contents) ? this.contents.delete(key) : false;
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        if (Collection.isEmptyPath(path)) {
	            if (this.contents == null)
	                return false;
	            // @ts-expect-error Presumed impossible if Strict extends false
	            this.contents = null;
	            return true;
	        }
	        return assertCollection(this.contents)
	            ? this.contents.deleteIn(path)
	            : false;
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    get(key, keepScalar) {
	        return identity.isCollection(this.contents)
	            ? this.contents.get(key, keepScalar)
	            : undefined;
	    }
	    /**
	     * Returns item at `path`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        if (Collection.isEmptyPath(path))
	            return !keepScalar && identity.isScalar(this.contents)
	                ? this.contents.value
	                : this.contents;
	        return identity.isCollection(this.contents)
	            ? this.contents.getIn(path, keepScalar)
	            : undefined;
	    }
	    /**
	     * Checks if the document includes a value with the key `key`.
	     */
	    has(key) {
	        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
	    }
	    /**
	     * Checks if the document includes a value at `path`.
	     */
	    hasIn(path) {
	        if (Collection.isEmptyPath(path))
	            return this.contents !== undefined;
	        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    set(key, value) {
	        if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, [key], value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.set(key, value);
	        }
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        if (Collection.isEmptyPath(path)) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = value;
	        }
	        else if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.setIn(path, value);
	        }
	    }
	    /**
	     * Change the YAML version and schema used by the document.
	     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
	     * It also requires the `schema` option to be given as a `Schema` instance value.
	     *
	     * Overrides all previously set schema options.
	     */
	    setSchema(version, options = {}) {
	        if (typeof version === 'number')
	            version = String(version);
	        let opt;
	        switch (version) {
	            case '1.1':
	                if (this.directives)
	                    this.directives.yaml.version = '1.1';
	                else
	                    this.directives = new directives.Directives({ version: '1.1' });
	                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
	                break;
	            case '1.2':
	            case 'next':
	                if (this.directives)
	                    this.directives.yaml.version = version;
	                else
	                    this.directives = new directives.Directives({ version });
	                opt = { resolveKnownTags: true, schema: 'core' };
	                break;
	            case null:
	                if (this.directives)
	                    delete this.directives;
	                opt = null;
	                break;
	            default: {
	                const sv = JSON.stringify(version);
	                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
	            }
	        }
	        // Not using `instanceof Schema` to allow for duck typing
	        if (options.schema instanceof Object)
	            this.schema = options.schema;
	        else if (opt)
	            this.schema = new Schema.Schema(Object.assign(opt, options));
	        else
	            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
	    }
	    // json & jsonArg are only used from toJSON()
	    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        const ctx = {
	            anchors: new Map(),
	            doc: this,
	            keep: !json,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	    /**
	     * A JSON representation of the document `contents`.
	     *
	     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
	     *   property name.
	     */
	    toJSON(jsonArg, onAnchor) {
	        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
	    }
	    /** A YAML representation of the document. */
	    toString(options = {}) {
	        if (this.errors.length > 0)
	            throw new Error('Document with errors cannot be stringified');
	        if ('indent' in options &&
	            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
	            const s = JSON.stringify(options.indent);
	            throw new Error(`"indent" option must be a positive integer, not ${s}`);
	        }
	        return stringifyDocument.stringifyDocument(this, options);
	    }
	};
	function assertCollection(contents) {
	    if (identity.isCollection(contents))
	        return true;
	    throw new Error('Expected a YAML collection as document contents');
	}

	Document.Document = Document$1;
	return Document;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;

	class YAMLError extends Error {
	    constructor(name, pos, code, message) {
	        super();
	        this.name = name;
	        this.code = code;
	        this.message = message;
	        this.pos = pos;
	    }
	}
	class YAMLParseError extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLParseError', pos, code, message);
	    }
	}
	class YAMLWarning extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLWarning', pos, code, message);
	    }
	}
	const prettifyError = (src, lc) => (error) => {
	    if (error.pos[0] === -1)
	        return;
	    error.linePos = error.pos.map(pos => lc.linePos(pos));
	    const { line, col } = error.linePos[0];
	    error.message += ` at line ${line}, column ${col}`;
	    let ci = col - 1;
	    let lineStr = src
	        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
	        .replace(/[\n\r]+$/, '');
	    // Trim to max 80 chars, keeping col position near the middle
	    if (ci >= 60 && lineStr.length > 80) {
	        const trimStart = Math.min(ci - 39, lineStr.length - 79);
	        lineStr = '…' + lineStr.substring(trimStart);
	        ci -= trimStart - 1;
	    }
	    if (lineStr.length > 80)
	        lineStr = lineStr.substring(0, 79) + '…';
	    // Include previous line in context if pointing at line start
	    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
	        // Regexp won't match if start is trimmed
	        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
	        if (prev.length > 80)
	            prev = prev.substring(0, 79) + '…\n';
	        lineStr = prev + lineStr;
	    }
	    if (/[^ ]/.test(lineStr)) {
	        let count = 1;
	        const end = error.linePos[1];
	        if (end?.line === line && end.col > col) {
	            count = Math.max(1, Math.min(end.col - col, 80 - ci));
	        }
	        const pointer = ' '.repeat(ci) + '^'.repeat(count);
	        error.message += `:\n\n${lineStr}\n${pointer}\n`;
	    }
	};

	errors.YAMLError = YAMLError;
	errors.YAMLParseError = YAMLParseError;
	errors.YAMLWarning = YAMLWarning;
	errors.prettifyError = prettifyError;
	return errors;
}

var composeDoc = {};

var composeNode = {};

var composeCollection = {};

var resolveBlockMap = {};

var resolveProps = {};

var hasRequiredResolveProps;

function requireResolveProps () {
	if (hasRequiredResolveProps) return resolveProps;
	hasRequiredResolveProps = 1;

	function resolveProps$1(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
	    let spaceBefore = false;
	    let atNewline = startOnNewline;
	    let hasSpace = startOnNewline;
	    let comment = '';
	    let commentSep = '';
	    let hasNewline = false;
	    let reqSpace = false;
	    let tab = null;
	    let anchor = null;
	    let tag = null;
	    let newlineAfterProp = null;
	    let comma = null;
	    let found = null;
	    let start = null;
	    for (const token of tokens) {
	        if (reqSpace) {
	            if (token.type !== 'space' &&
	                token.type !== 'newline' &&
	                token.type !== 'comma')
	                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	            reqSpace = false;
	        }
	        if (tab) {
	            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
	                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	            }
	            tab = null;
	        }
	        switch (token.type) {
	            case 'space':
	                // At the doc level, tabs at line start may be parsed
	                // as leading white space rather than indentation.
	                // In a flow collection, only the parser handles indent.
	                if (!flow &&
	                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
	                    token.source.includes('\t')) {
	                    tab = token;
	                }
	                hasSpace = true;
	                break;
	            case 'comment': {
	                if (!hasSpace)
	                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                const cb = token.source.substring(1) || ' ';
	                if (!comment)
	                    comment = cb;
	                else
	                    comment += commentSep + cb;
	                commentSep = '';
	                atNewline = false;
	                break;
	            }
	            case 'newline':
	                if (atNewline) {
	                    if (comment)
	                        comment += token.source;
	                    else if (!found || indicator !== 'seq-item-ind')
	                        spaceBefore = true;
	                }
	                else
	                    commentSep += token.source;
	                atNewline = true;
	                hasNewline = true;
	                if (anchor || tag)
	                    newlineAfterProp = token;
	                hasSpace = true;
	                break;
	            case 'anchor':
	                if (anchor)
	                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
	                if (token.source.endsWith(':'))
	                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
	                anchor = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            case 'tag': {
	                if (tag)
	                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
	                tag = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            }
	            case indicator:
	                // Could here handle preceding comments differently
	                if (anchor || tag)
	                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
	                if (found)
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
	                found = token;
	                atNewline =
	                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
	                hasSpace = false;
	                break;
	            case 'comma':
	                if (flow) {
	                    if (comma)
	                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
	                    comma = token;
	                    atNewline = false;
	                    hasSpace = false;
	                    break;
	                }
	            // else fallthrough
	            default:
	                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
	                atNewline = false;
	                hasSpace = false;
	        }
	    }
	    const last = tokens[tokens.length - 1];
	    const end = last ? last.offset + last.source.length : offset;
	    if (reqSpace &&
	        next &&
	        next.type !== 'space' &&
	        next.type !== 'newline' &&
	        next.type !== 'comma' &&
	        (next.type !== 'scalar' || next.source !== '')) {
	        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	    }
	    if (tab &&
	        ((atNewline && tab.indent <= parentIndent) ||
	            next?.type === 'block-map' ||
	            next?.type === 'block-seq'))
	        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	    return {
	        comma,
	        found,
	        spaceBefore,
	        comment,
	        hasNewline,
	        anchor,
	        tag,
	        newlineAfterProp,
	        end,
	        start: start ?? end
	    };
	}

	resolveProps.resolveProps = resolveProps$1;
	return resolveProps;
}

var utilContainsNewline = {};

var hasRequiredUtilContainsNewline;

function requireUtilContainsNewline () {
	if (hasRequiredUtilContainsNewline) return utilContainsNewline;
	hasRequiredUtilContainsNewline = 1;

	function containsNewline(key) {
	    if (!key)
	        return null;
	    switch (key.type) {
	        case 'alias':
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            if (key.source.includes('\n'))
	                return true;
	            if (key.end)
	                for (const st of key.end)
	                    if (st.type === 'newline')
	                        return true;
	            return false;
	        case 'flow-collection':
	            for (const it of key.items) {
	                for (const st of it.start)
	                    if (st.type === 'newline')
	                        return true;
	                if (it.sep)
	                    for (const st of it.sep)
	                        if (st.type === 'newline')
	                            return true;
	                if (containsNewline(it.key) || containsNewline(it.value))
	                    return true;
	            }
	            return false;
	        default:
	            return true;
	    }
	}

	utilContainsNewline.containsNewline = containsNewline;
	return utilContainsNewline;
}

var utilFlowIndentCheck = {};

var hasRequiredUtilFlowIndentCheck;

function requireUtilFlowIndentCheck () {
	if (hasRequiredUtilFlowIndentCheck) return utilFlowIndentCheck;
	hasRequiredUtilFlowIndentCheck = 1;

	var utilContainsNewline = requireUtilContainsNewline();

	function flowIndentCheck(indent, fc, onError) {
	    if (fc?.type === 'flow-collection') {
	        const end = fc.end[0];
	        if (end.indent === indent &&
	            (end.source === ']' || end.source === '}') &&
	            utilContainsNewline.containsNewline(fc)) {
	            const msg = 'Flow end indicator should be more indented than parent';
	            onError(end, 'BAD_INDENT', msg, true);
	        }
	    }
	}

	utilFlowIndentCheck.flowIndentCheck = flowIndentCheck;
	return utilFlowIndentCheck;
}

var utilMapIncludes = {};

var hasRequiredUtilMapIncludes;

function requireUtilMapIncludes () {
	if (hasRequiredUtilMapIncludes) return utilMapIncludes;
	hasRequiredUtilMapIncludes = 1;

	var identity = requireIdentity();

	function mapIncludes(ctx, items, search) {
	    const { uniqueKeys } = ctx.options;
	    if (uniqueKeys === false)
	        return false;
	    const isEqual = typeof uniqueKeys === 'function'
	        ? uniqueKeys
	        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
	    return items.some(pair => isEqual(pair.key, search));
	}

	utilMapIncludes.mapIncludes = mapIncludes;
	return utilMapIncludes;
}

var hasRequiredResolveBlockMap;

function requireResolveBlockMap () {
	if (hasRequiredResolveBlockMap) return resolveBlockMap;
	hasRequiredResolveBlockMap = 1;

	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();
	var utilMapIncludes = requireUtilMapIncludes();

	const startColMsg = 'All mapping items must start at the same column';
	function resolveBlockMap$1({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
	    const map = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    let offset = bm.offset;
	    let commentEnd = null;
	    for (const collItem of bm.items) {
	        const { start, key, sep, value } = collItem;
	        // key properties
	        const keyProps = resolveProps.resolveProps(start, {
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: true
	        });
	        const implicitKey = !keyProps.found;
	        if (implicitKey) {
	            if (key) {
	                if (key.type === 'block-seq')
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
	                else if ('indent' in key && key.indent !== bm.indent)
	                    onError(offset, 'BAD_INDENT', startColMsg);
	            }
	            if (!keyProps.anchor && !keyProps.tag && !sep) {
	                commentEnd = keyProps.end;
	                if (keyProps.comment) {
	                    if (map.comment)
	                        map.comment += '\n' + keyProps.comment;
	                    else
	                        map.comment = keyProps.comment;
	                }
	                continue;
	            }
	            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
	                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
	            }
	        }
	        else if (keyProps.found?.indent !== bm.indent) {
	            onError(offset, 'BAD_INDENT', startColMsg);
	        }
	        // key value
	        ctx.atKey = true;
	        const keyStart = keyProps.end;
	        const keyNode = key
	            ? composeNode(ctx, key, keyProps, onError)
	            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
	        ctx.atKey = false;
	        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	        // value properties
	        const valueProps = resolveProps.resolveProps(sep ?? [], {
	            indicator: 'map-value-ind',
	            next: value,
	            offset: keyNode.range[2],
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: !key || key.type === 'block-scalar'
	        });
	        offset = valueProps.end;
	        if (valueProps.found) {
	            if (implicitKey) {
	                if (value?.type === 'block-map' && !valueProps.hasNewline)
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
	                if (ctx.options.strict &&
	                    keyProps.start < valueProps.found.offset - 1024)
	                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
	            if (ctx.schema.compat)
	                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
	            offset = valueNode.range[2];
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	        else {
	            // key with no value
	            if (implicitKey)
	                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
	            if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	    }
	    if (commentEnd && commentEnd < offset)
	        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
	    map.range = [bm.offset, offset, commentEnd ?? offset];
	    return map;
	}

	resolveBlockMap.resolveBlockMap = resolveBlockMap$1;
	return resolveBlockMap;
}

var resolveBlockSeq = {};

var hasRequiredResolveBlockSeq;

function requireResolveBlockSeq () {
	if (hasRequiredResolveBlockSeq) return resolveBlockSeq;
	hasRequiredResolveBlockSeq = 1;

	var YAMLSeq = requireYAMLSeq();
	var resolveProps = requireResolveProps();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();

	function resolveBlockSeq$1({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
	    const seq = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = bs.offset;
	    let commentEnd = null;
	    for (const { start, value } of bs.items) {
	        const props = resolveProps.resolveProps(start, {
	            indicator: 'seq-item-ind',
	            next: value,
	            offset,
	            onError,
	            parentIndent: bs.indent,
	            startOnNewline: true
	        });
	        if (!props.found) {
	            if (props.anchor || props.tag || value) {
	                if (value?.type === 'block-seq')
	                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
	                else
	                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
	            }
	            else {
	                commentEnd = props.end;
	                if (props.comment)
	                    seq.comment = props.comment;
	                continue;
	            }
	        }
	        const node = value
	            ? composeNode(ctx, value, props, onError)
	            : composeEmptyNode(ctx, props.end, start, null, props, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
	        offset = node.range[2];
	        seq.items.push(node);
	    }
	    seq.range = [bs.offset, offset, commentEnd ?? offset];
	    return seq;
	}

	resolveBlockSeq.resolveBlockSeq = resolveBlockSeq$1;
	return resolveBlockSeq;
}

var resolveFlowCollection = {};

var resolveEnd = {};

var hasRequiredResolveEnd;

function requireResolveEnd () {
	if (hasRequiredResolveEnd) return resolveEnd;
	hasRequiredResolveEnd = 1;

	function resolveEnd$1(end, offset, reqSpace, onError) {
	    let comment = '';
	    if (end) {
	        let hasSpace = false;
	        let sep = '';
	        for (const token of end) {
	            const { source, type } = token;
	            switch (type) {
	                case 'space':
	                    hasSpace = true;
	                    break;
	                case 'comment': {
	                    if (reqSpace && !hasSpace)
	                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                    const cb = source.substring(1) || ' ';
	                    if (!comment)
	                        comment = cb;
	                    else
	                        comment += sep + cb;
	                    sep = '';
	                    break;
	                }
	                case 'newline':
	                    if (comment)
	                        sep += source;
	                    hasSpace = true;
	                    break;
	                default:
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
	            }
	            offset += source.length;
	        }
	    }
	    return { comment, offset };
	}

	resolveEnd.resolveEnd = resolveEnd$1;
	return resolveEnd;
}

var hasRequiredResolveFlowCollection;

function requireResolveFlowCollection () {
	if (hasRequiredResolveFlowCollection) return resolveFlowCollection;
	hasRequiredResolveFlowCollection = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilMapIncludes = requireUtilMapIncludes();

	const blockMsg = 'Block collections are not allowed within flow collections';
	const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
	function resolveFlowCollection$1({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
	    const isMap = fc.start.source === '{';
	    const fcName = isMap ? 'flow map' : 'flow sequence';
	    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
	    const coll = new NodeClass(ctx.schema);
	    coll.flow = true;
	    const atRoot = ctx.atRoot;
	    if (atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = fc.offset + fc.start.source.length;
	    for (let i = 0; i < fc.items.length; ++i) {
	        const collItem = fc.items[i];
	        const { start, key, sep, value } = collItem;
	        const props = resolveProps.resolveProps(start, {
	            flow: fcName,
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: fc.indent,
	            startOnNewline: false
	        });
	        if (!props.found) {
	            if (!props.anchor && !props.tag && !sep && !value) {
	                if (i === 0 && props.comma)
	                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	                else if (i < fc.items.length - 1)
	                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
	                if (props.comment) {
	                    if (coll.comment)
	                        coll.comment += '\n' + props.comment;
	                    else
	                        coll.comment = props.comment;
	                }
	                offset = props.end;
	                continue;
	            }
	            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
	                onError(key, // checked by containsNewline()
	                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	        }
	        if (i === 0) {
	            if (props.comma)
	                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	        }
	        else {
	            if (!props.comma)
	                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
	            if (props.comment) {
	                let prevItemComment = '';
	                loop: for (const st of start) {
	                    switch (st.type) {
	                        case 'comma':
	                        case 'space':
	                            break;
	                        case 'comment':
	                            prevItemComment = st.source.substring(1);
	                            break loop;
	                        default:
	                            break loop;
	                    }
	                }
	                if (prevItemComment) {
	                    let prev = coll.items[coll.items.length - 1];
	                    if (identity.isPair(prev))
	                        prev = prev.value ?? prev.key;
	                    if (prev.comment)
	                        prev.comment += '\n' + prevItemComment;
	                    else
	                        prev.comment = prevItemComment;
	                    props.comment = props.comment.substring(prevItemComment.length + 1);
	                }
	            }
	        }
	        if (!isMap && !sep && !props.found) {
	            // item is a value in a seq
	            // → key & sep are empty, start does not include ? or :
	            const valueNode = value
	                ? composeNode(ctx, value, props, onError)
	                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
	            coll.items.push(valueNode);
	            offset = valueNode.range[2];
	            if (isBlock(value))
	                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	        }
	        else {
	            // item is a key+value pair
	            // key value
	            ctx.atKey = true;
	            const keyStart = props.end;
	            const keyNode = key
	                ? composeNode(ctx, key, props, onError)
	                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
	            if (isBlock(key))
	                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            ctx.atKey = false;
	            // value properties
	            const valueProps = resolveProps.resolveProps(sep ?? [], {
	                flow: fcName,
	                indicator: 'map-value-ind',
	                next: value,
	                offset: keyNode.range[2],
	                onError,
	                parentIndent: fc.indent,
	                startOnNewline: false
	            });
	            if (valueProps.found) {
	                if (!isMap && !props.found && ctx.options.strict) {
	                    if (sep)
	                        for (const st of sep) {
	                            if (st === valueProps.found)
	                                break;
	                            if (st.type === 'newline') {
	                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	                                break;
	                            }
	                        }
	                    if (props.start < valueProps.found.offset - 1024)
	                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
	                }
	            }
	            else if (value) {
	                if ('source' in value && value.source?.[0] === ':')
	                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
	                else
	                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : valueProps.found
	                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
	                    : null;
	            if (valueNode) {
	                if (isBlock(value))
	                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            }
	            else if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            if (isMap) {
	                const map = coll;
	                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	                map.items.push(pair);
	            }
	            else {
	                const map = new YAMLMap.YAMLMap(ctx.schema);
	                map.flow = true;
	                map.items.push(pair);
	                const endRange = (valueNode ?? keyNode).range;
	                map.range = [keyNode.range[0], endRange[1], endRange[2]];
	                coll.items.push(map);
	            }
	            offset = valueNode ? valueNode.range[2] : valueProps.end;
	        }
	    }
	    const expectedEnd = isMap ? '}' : ']';
	    const [ce, ...ee] = fc.end;
	    let cePos = offset;
	    if (ce?.source === expectedEnd)
	        cePos = ce.offset + ce.source.length;
	    else {
	        const name = fcName[0].toUpperCase() + fcName.substring(1);
	        const msg = atRoot
	            ? `${name} must end with a ${expectedEnd}`
	            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
	        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
	        if (ce && ce.source.length !== 1)
	            ee.unshift(ce);
	    }
	    if (ee.length > 0) {
	        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
	        if (end.comment) {
	            if (coll.comment)
	                coll.comment += '\n' + end.comment;
	            else
	                coll.comment = end.comment;
	        }
	        coll.range = [fc.offset, cePos, end.offset];
	    }
	    else {
	        coll.range = [fc.offset, cePos, cePos];
	    }
	    return coll;
	}

	resolveFlowCollection.resolveFlowCollection = resolveFlowCollection$1;
	return resolveFlowCollection;
}

var hasRequiredComposeCollection;

function requireComposeCollection () {
	if (hasRequiredComposeCollection) return composeCollection;
	hasRequiredComposeCollection = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveBlockMap = requireResolveBlockMap();
	var resolveBlockSeq = requireResolveBlockSeq();
	var resolveFlowCollection = requireResolveFlowCollection();

	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
	    const coll = token.type === 'block-map'
	        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
	        : token.type === 'block-seq'
	            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
	            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
	    const Coll = coll.constructor;
	    // If we got a tagName matching the class, or the tag name is '!',
	    // then use the tagName from the node class used to create it.
	    if (tagName === '!' || tagName === Coll.tagName) {
	        coll.tag = Coll.tagName;
	        return coll;
	    }
	    if (tagName)
	        coll.tag = tagName;
	    return coll;
	}
	function composeCollection$1(CN, ctx, token, props, onError) {
	    const tagToken = props.tag;
	    const tagName = !tagToken
	        ? null
	        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
	    if (token.type === 'block-seq') {
	        const { anchor, newlineAfterProp: nl } = props;
	        const lastProp = anchor && tagToken
	            ? anchor.offset > tagToken.offset
	                ? anchor
	                : tagToken
	            : (anchor ?? tagToken);
	        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
	            const message = 'Missing newline after block sequence props';
	            onError(lastProp, 'MISSING_CHAR', message);
	        }
	    }
	    const expType = token.type === 'block-map'
	        ? 'map'
	        : token.type === 'block-seq'
	            ? 'seq'
	            : token.start.source === '{'
	                ? 'map'
	                : 'seq';
	    // shortcut: check if it's a generic YAMLMap or YAMLSeq
	    // before jumping into the custom tag logic.
	    if (!tagToken ||
	        !tagName ||
	        tagName === '!' ||
	        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
	        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
	        return resolveCollection(CN, ctx, token, onError, tagName);
	    }
	    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
	    if (!tag) {
	        const kt = ctx.schema.knownTags[tagName];
	        if (kt?.collection === expType) {
	            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
	            tag = kt;
	        }
	        else {
	            if (kt) {
	                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
	            }
	            else {
	                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
	            }
	            return resolveCollection(CN, ctx, token, onError, tagName);
	        }
	    }
	    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
	    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
	    const node = identity.isNode(res)
	        ? res
	        : new Scalar.Scalar(res);
	    node.range = coll.range;
	    node.tag = tagName;
	    if (tag?.format)
	        node.format = tag.format;
	    return node;
	}

	composeCollection.composeCollection = composeCollection$1;
	return composeCollection;
}

var composeScalar = {};

var resolveBlockScalar = {};

var hasRequiredResolveBlockScalar;

function requireResolveBlockScalar () {
	if (hasRequiredResolveBlockScalar) return resolveBlockScalar;
	hasRequiredResolveBlockScalar = 1;

	var Scalar = requireScalar();

	function resolveBlockScalar$1(ctx, scalar, onError) {
	    const start = scalar.offset;
	    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
	    if (!header)
	        return { value: '', type: null, comment: '', range: [start, start, start] };
	    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
	    const lines = scalar.source ? splitLines(scalar.source) : [];
	    // determine the end of content & start of chomping
	    let chompStart = lines.length;
	    for (let i = lines.length - 1; i >= 0; --i) {
	        const content = lines[i][1];
	        if (content === '' || content === '\r')
	            chompStart = i;
	        else
	            break;
	    }
	    // shortcut for empty contents
	    if (chompStart === 0) {
	        const value = header.chomp === '+' && lines.length > 0
	            ? '\n'.repeat(Math.max(1, lines.length - 1))
	            : '';
	        let end = start + header.length;
	        if (scalar.source)
	            end += scalar.source.length;
	        return { value, type, comment: header.comment, range: [start, end, end] };
	    }
	    // find the indentation level to trim from start
	    let trimIndent = scalar.indent + header.indent;
	    let offset = scalar.offset + header.length;
	    let contentStart = 0;
	    for (let i = 0; i < chompStart; ++i) {
	        const [indent, content] = lines[i];
	        if (content === '' || content === '\r') {
	            if (header.indent === 0 && indent.length > trimIndent)
	                trimIndent = indent.length;
	        }
	        else {
	            if (indent.length < trimIndent) {
	                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
	                onError(offset + indent.length, 'MISSING_CHAR', message);
	            }
	            if (header.indent === 0)
	                trimIndent = indent.length;
	            contentStart = i;
	            if (trimIndent === 0 && !ctx.atRoot) {
	                const message = 'Block scalar values in collections must be indented';
	                onError(offset, 'BAD_INDENT', message);
	            }
	            break;
	        }
	        offset += indent.length + content.length + 1;
	    }
	    // include trailing more-indented empty lines in content
	    for (let i = lines.length - 1; i >= chompStart; --i) {
	        if (lines[i][0].length > trimIndent)
	            chompStart = i + 1;
	    }
	    let value = '';
	    let sep = '';
	    let prevMoreIndented = false;
	    // leading whitespace is kept intact
	    for (let i = 0; i < contentStart; ++i)
	        value += lines[i][0].slice(trimIndent) + '\n';
	    for (let i = contentStart; i < chompStart; ++i) {
	        let [indent, content] = lines[i];
	        offset += indent.length + content.length + 1;
	        const crlf = content[content.length - 1] === '\r';
	        if (crlf)
	            content = content.slice(0, -1);
	        /* istanbul ignore if already caught in lexer */
	        if (content && indent.length < trimIndent) {
	            const src = header.indent
	                ? 'explicit indentation indicator'
	                : 'first line';
	            const message = `Block scalar lines must not be less indented than their ${src}`;
	            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
	            indent = '';
	        }
	        if (type === Scalar.Scalar.BLOCK_LITERAL) {
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	        }
	        else if (indent.length > trimIndent || content[0] === '\t') {
	            // more-indented content within a folded block
	            if (sep === ' ')
	                sep = '\n';
	            else if (!prevMoreIndented && sep === '\n')
	                sep = '\n\n';
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	            prevMoreIndented = true;
	        }
	        else if (content === '') {
	            // empty line
	            if (sep === '\n')
	                value += '\n';
	            else
	                sep = '\n';
	        }
	        else {
	            value += sep + content;
	            sep = ' ';
	            prevMoreIndented = false;
	        }
	    }
	    switch (header.chomp) {
	        case '-':
	            break;
	        case '+':
	            for (let i = chompStart; i < lines.length; ++i)
	                value += '\n' + lines[i][0].slice(trimIndent);
	            if (value[value.length - 1] !== '\n')
	                value += '\n';
	            break;
	        default:
	            value += '\n';
	    }
	    const end = start + header.length + scalar.source.length;
	    return { value, type, comment: header.comment, range: [start, end, end] };
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
	    /* istanbul ignore if should not happen */
	    if (props[0].type !== 'block-scalar-header') {
	        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
	        return null;
	    }
	    const { source } = props[0];
	    const mode = source[0];
	    let indent = 0;
	    let chomp = '';
	    let error = -1;
	    for (let i = 1; i < source.length; ++i) {
	        const ch = source[i];
	        if (!chomp && (ch === '-' || ch === '+'))
	            chomp = ch;
	        else {
	            const n = Number(ch);
	            if (!indent && n)
	                indent = n;
	            else if (error === -1)
	                error = offset + i;
	        }
	    }
	    if (error !== -1)
	        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
	    let hasSpace = false;
	    let comment = '';
	    let length = source.length;
	    for (let i = 1; i < props.length; ++i) {
	        const token = props[i];
	        switch (token.type) {
	            case 'space':
	                hasSpace = true;
	            // fallthrough
	            case 'newline':
	                length += token.source.length;
	                break;
	            case 'comment':
	                if (strict && !hasSpace) {
	                    const message = 'Comments must be separated from other tokens by white space characters';
	                    onError(token, 'MISSING_CHAR', message);
	                }
	                length += token.source.length;
	                comment = token.source.substring(1);
	                break;
	            case 'error':
	                onError(token, 'UNEXPECTED_TOKEN', token.message);
	                length += token.source.length;
	                break;
	            /* istanbul ignore next should not happen */
	            default: {
	                const message = `Unexpected token in block scalar header: ${token.type}`;
	                onError(token, 'UNEXPECTED_TOKEN', message);
	                const ts = token.source;
	                if (ts && typeof ts === 'string')
	                    length += ts.length;
	            }
	        }
	    }
	    return { mode, indent, chomp, comment, length };
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
	    const split = source.split(/\n( *)/);
	    const first = split[0];
	    const m = first.match(/^( *)/);
	    const line0 = m?.[1]
	        ? [m[1], first.slice(m[1].length)]
	        : ['', first];
	    const lines = [line0];
	    for (let i = 1; i < split.length; i += 2)
	        lines.push([split[i], split[i + 1]]);
	    return lines;
	}

	resolveBlockScalar.resolveBlockScalar = resolveBlockScalar$1;
	return resolveBlockScalar;
}

var resolveFlowScalar = {};

var hasRequiredResolveFlowScalar;

function requireResolveFlowScalar () {
	if (hasRequiredResolveFlowScalar) return resolveFlowScalar;
	hasRequiredResolveFlowScalar = 1;

	var Scalar = requireScalar();
	var resolveEnd = requireResolveEnd();

	function resolveFlowScalar$1(scalar, strict, onError) {
	    const { offset, type, source, end } = scalar;
	    let _type;
	    let value;
	    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
	    switch (type) {
	        case 'scalar':
	            _type = Scalar.Scalar.PLAIN;
	            value = plainValue(source, _onError);
	            break;
	        case 'single-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_SINGLE;
	            value = singleQuotedValue(source, _onError);
	            break;
	        case 'double-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_DOUBLE;
	            value = doubleQuotedValue(source, _onError);
	            break;
	        /* istanbul ignore next should not happen */
	        default:
	            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
	            return {
	                value: '',
	                type: null,
	                comment: '',
	                range: [offset, offset + source.length, offset + source.length]
	            };
	    }
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
	    return {
	        value,
	        type: _type,
	        comment: re.comment,
	        range: [offset, valueEnd, re.offset]
	    };
	}
	function plainValue(source, onError) {
	    let badChar = '';
	    switch (source[0]) {
	        /* istanbul ignore next should not happen */
	        case '\t':
	            badChar = 'a tab character';
	            break;
	        case ',':
	            badChar = 'flow indicator character ,';
	            break;
	        case '%':
	            badChar = 'directive indicator character %';
	            break;
	        case '|':
	        case '>': {
	            badChar = `block scalar indicator ${source[0]}`;
	            break;
	        }
	        case '@':
	        case '`': {
	            badChar = `reserved character ${source[0]}`;
	            break;
	        }
	    }
	    if (badChar)
	        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
	    return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
	    if (source[source.length - 1] !== "'" || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
	    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
	    const line = /(.*?)\r?\n/sy;
	    let match = line.exec(source);
	    if (!match)
	        return source;
	    /**
	     * The negative lookbehinds in these RegExps are to
	     * prevent causing a polynomial search time in certain cases.
	     *
	     * The try-catch is for Safari < 16.4 and other old browsers:
	     * https://caniuse.com/js-regexp-lookbehind
	     */
	    let trimEnd, trimBoth;
	    try {
	        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
	        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
	    }
	    catch {
	        trimEnd = /[ \t]+$/;
	        trimBoth = /^[ \t]+|[ \t]+$/g;
	    }
	    let res = match[1].replace(trimEnd, '');
	    let sep = ' ';
	    let pos = line.lastIndex;
	    while ((match = line.exec(source))) {
	        const lm = match[1].replace(trimBoth, '');
	        if (lm === '') {
	            if (sep === '\n')
	                res += sep;
	            else
	                sep = '\n';
	        }
	        else {
	            res += sep + lm;
	            sep = ' ';
	        }
	        pos = line.lastIndex;
	    }
	    const last = /[ \t]*(.*)/sy;
	    last.lastIndex = pos;
	    match = last.exec(source);
	    return res + sep + (match?.[1] ?? '');
	}
	function doubleQuotedValue(source, onError) {
	    let res = '';
	    for (let i = 1; i < source.length - 1; ++i) {
	        const ch = source[i];
	        if (ch === '\r' && source[i + 1] === '\n')
	            continue;
	        if (ch === '\n') {
	            const { fold, offset } = foldNewline(source, i);
	            res += fold;
	            i = offset;
	        }
	        else if (ch === '\\') {
	            let next = source[++i];
	            const cc = escapeCodes[next];
	            if (cc)
	                res += cc;
	            else if (next === '\n') {
	                // skip escaped newlines, but still trim the following line
	                next = source[i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === '\r' && source[i + 1] === '\n') {
	                // skip escaped CRLF newlines, but still trim the following line
	                next = source[++i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === 'x' || next === 'u' || next === 'U') {
	                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
	                res += parseCharCode(source, i + 1, length, onError);
	                i += length;
	            }
	            else {
	                const raw = source.substr(i - 1, 2);
	                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	                res += raw;
	            }
	        }
	        else if (ch === ' ' || ch === '\t') {
	            // trim trailing whitespace
	            const wsStart = i;
	            let next = source[i + 1];
	            while (next === ' ' || next === '\t')
	                next = source[++i + 1];
	            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
	                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
	        }
	        else {
	            res += ch;
	        }
	    }
	    if (source[source.length - 1] !== '"' || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
	    return res;
	}
	/**
	 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
	 * Presumes `source[offset] === '\n'`
	 */
	function foldNewline(source, offset) {
	    let fold = '';
	    let ch = source[offset + 1];
	    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
	        if (ch === '\r' && source[offset + 2] !== '\n')
	            break;
	        if (ch === '\n')
	            fold += '\n';
	        offset += 1;
	        ch = source[offset + 1];
	    }
	    if (!fold)
	        fold = ' ';
	    return { fold, offset };
	}
	const escapeCodes = {
	    '0': '\0', // null character
	    a: '\x07', // bell character
	    b: '\b', // backspace
	    e: '\x1b', // escape character
	    f: '\f', // form feed
	    n: '\n', // line feed
	    r: '\r', // carriage return
	    t: '\t', // horizontal tab
	    v: '\v', // vertical tab
	    N: '\u0085', // Unicode next line
	    _: '\u00a0', // Unicode non-breaking space
	    L: '\u2028', // Unicode line separator
	    P: '\u2029', // Unicode paragraph separator
	    ' ': ' ',
	    '"': '"',
	    '/': '/',
	    '\\': '\\',
	    '\t': '\t'
	};
	function parseCharCode(source, offset, length, onError) {
	    const cc = source.substr(offset, length);
	    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
	    const code = ok ? parseInt(cc, 16) : NaN;
	    try {
	        return String.fromCodePoint(code);
	    }
	    catch {
	        const raw = source.substr(offset - 2, length + 2);
	        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	        return raw;
	    }
	}

	resolveFlowScalar.resolveFlowScalar = resolveFlowScalar$1;
	return resolveFlowScalar;
}

var hasRequiredComposeScalar;

function requireComposeScalar () {
	if (hasRequiredComposeScalar) return composeScalar;
	hasRequiredComposeScalar = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();

	function composeScalar$1(ctx, token, tagToken, onError) {
	    const { value, type, comment, range } = token.type === 'block-scalar'
	        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
	        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
	    const tagName = tagToken
	        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
	        : null;
	    let tag;
	    if (ctx.options.stringKeys && ctx.atKey) {
	        tag = ctx.schema[identity.SCALAR];
	    }
	    else if (tagName)
	        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
	    else if (token.type === 'scalar')
	        tag = findScalarTagByTest(ctx, value, token, onError);
	    else
	        tag = ctx.schema[identity.SCALAR];
	    let scalar;
	    try {
	        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
	        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
	    }
	    catch (error) {
	        const msg = error instanceof Error ? error.message : String(error);
	        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
	        scalar = new Scalar.Scalar(value);
	    }
	    scalar.range = range;
	    scalar.source = value;
	    if (type)
	        scalar.type = type;
	    if (tagName)
	        scalar.tag = tagName;
	    if (tag.format)
	        scalar.format = tag.format;
	    if (comment)
	        scalar.comment = comment;
	    return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
	    if (tagName === '!')
	        return schema[identity.SCALAR]; // non-specific tag
	    const matchWithTest = [];
	    for (const tag of schema.tags) {
	        if (!tag.collection && tag.tag === tagName) {
	            if (tag.default && tag.test)
	                matchWithTest.push(tag);
	            else
	                return tag;
	        }
	    }
	    for (const tag of matchWithTest)
	        if (tag.test?.test(value))
	            return tag;
	    const kt = schema.knownTags[tagName];
	    if (kt && !kt.collection) {
	        // Ensure that the known tag is available for stringifying,
	        // but does not get used by default.
	        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
	        return kt;
	    }
	    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
	    return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
	    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
	        tag.test?.test(value)) || schema[identity.SCALAR];
	    if (schema.compat) {
	        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
	            schema[identity.SCALAR];
	        if (tag.tag !== compat.tag) {
	            const ts = directives.tagString(tag.tag);
	            const cs = directives.tagString(compat.tag);
	            const msg = `Value may be parsed as either ${ts} or ${cs}`;
	            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
	        }
	    }
	    return tag;
	}

	composeScalar.composeScalar = composeScalar$1;
	return composeScalar;
}

var utilEmptyScalarPosition = {};

var hasRequiredUtilEmptyScalarPosition;

function requireUtilEmptyScalarPosition () {
	if (hasRequiredUtilEmptyScalarPosition) return utilEmptyScalarPosition;
	hasRequiredUtilEmptyScalarPosition = 1;

	function emptyScalarPosition(offset, before, pos) {
	    if (before) {
	        pos ?? (pos = before.length);
	        for (let i = pos - 1; i >= 0; --i) {
	            let st = before[i];
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                case 'newline':
	                    offset -= st.source.length;
	                    continue;
	            }
	            // Technically, an empty scalar is immediately after the last non-empty
	            // node, but it's more useful to place it after any whitespace.
	            st = before[++i];
	            while (st?.type === 'space') {
	                offset += st.source.length;
	                st = before[++i];
	            }
	            break;
	        }
	    }
	    return offset;
	}

	utilEmptyScalarPosition.emptyScalarPosition = emptyScalarPosition;
	return utilEmptyScalarPosition;
}

var hasRequiredComposeNode;

function requireComposeNode () {
	if (hasRequiredComposeNode) return composeNode;
	hasRequiredComposeNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var composeCollection = requireComposeCollection();
	var composeScalar = requireComposeScalar();
	var resolveEnd = requireResolveEnd();
	var utilEmptyScalarPosition = requireUtilEmptyScalarPosition();

	const CN = { composeNode: composeNode$1, composeEmptyNode };
	function composeNode$1(ctx, token, props, onError) {
	    const atKey = ctx.atKey;
	    const { spaceBefore, comment, anchor, tag } = props;
	    let node;
	    let isSrcToken = true;
	    switch (token.type) {
	        case 'alias':
	            node = composeAlias(ctx, token, onError);
	            if (anchor || tag)
	                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
	            break;
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'block-scalar':
	            node = composeScalar.composeScalar(ctx, token, tag, onError);
	            if (anchor)
	                node.anchor = anchor.source.substring(1);
	            break;
	        case 'block-map':
	        case 'block-seq':
	        case 'flow-collection':
	            try {
	                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
	                if (anchor)
	                    node.anchor = anchor.source.substring(1);
	            }
	            catch (error) {
	                // Almost certainly here due to a stack overflow
	                const message = error instanceof Error ? error.message : String(error);
	                onError(token, 'RESOURCE_EXHAUSTION', message);
	            }
	            break;
	        default: {
	            const message = token.type === 'error'
	                ? token.message
	                : `Unsupported token (type: ${token.type})`;
	            onError(token, 'UNEXPECTED_TOKEN', message);
	            isSrcToken = false;
	        }
	    }
	    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
	    if (anchor && node.anchor === '')
	        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    if (atKey &&
	        ctx.options.stringKeys &&
	        (!identity.isScalar(node) ||
	            typeof node.value !== 'string' ||
	            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
	        const msg = 'With stringKeys, all keys must be strings';
	        onError(tag ?? token, 'NON_STRING_KEY', msg);
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        if (token.type === 'scalar' && token.source === '')
	            node.comment = comment;
	        else
	            node.commentBefore = comment;
	    }
	    // @ts-expect-error Type checking misses meaning of isSrcToken
	    if (ctx.options.keepSourceTokens && isSrcToken)
	        node.srcToken = token;
	    return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
	    const token = {
	        type: 'scalar',
	        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
	        indent: -1,
	        source: ''
	    };
	    const node = composeScalar.composeScalar(ctx, token, tag, onError);
	    if (anchor) {
	        node.anchor = anchor.source.substring(1);
	        if (node.anchor === '')
	            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        node.comment = comment;
	        node.range[2] = end;
	    }
	    return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
	    const alias = new Alias.Alias(source.substring(1));
	    if (alias.source === '')
	        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
	    if (alias.source.endsWith(':'))
	        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
	    alias.range = [offset, valueEnd, re.offset];
	    if (re.comment)
	        alias.comment = re.comment;
	    return alias;
	}

	composeNode.composeEmptyNode = composeEmptyNode;
	composeNode.composeNode = composeNode$1;
	return composeNode;
}

var hasRequiredComposeDoc;

function requireComposeDoc () {
	if (hasRequiredComposeDoc) return composeDoc;
	hasRequiredComposeDoc = 1;

	var Document = requireDocument();
	var composeNode = requireComposeNode();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();

	function composeDoc$1(options, directives, { offset, start, value, end }, onError) {
	    const opts = Object.assign({ _directives: directives }, options);
	    const doc = new Document.Document(undefined, opts);
	    const ctx = {
	        atKey: false,
	        atRoot: true,
	        directives: doc.directives,
	        options: doc.options,
	        schema: doc.schema
	    };
	    const props = resolveProps.resolveProps(start, {
	        indicator: 'doc-start',
	        next: value ?? end?.[0],
	        offset,
	        onError,
	        parentIndent: 0,
	        startOnNewline: true
	    });
	    if (props.found) {
	        doc.directives.docStart = true;
	        if (value &&
	            (value.type === 'block-map' || value.type === 'block-seq') &&
	            !props.hasNewline)
	            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
	    }
	    // @ts-expect-error If Contents is set, let's trust the user
	    doc.contents = value
	        ? composeNode.composeNode(ctx, value, props, onError)
	        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
	    const contentEnd = doc.contents.range[2];
	    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
	    if (re.comment)
	        doc.comment = re.comment;
	    doc.range = [offset, contentEnd, re.offset];
	    return doc;
	}

	composeDoc.composeDoc = composeDoc$1;
	return composeDoc;
}

var hasRequiredComposer;

function requireComposer () {
	if (hasRequiredComposer) return composer;
	hasRequiredComposer = 1;

	var node_process = require$$0$2;
	var directives = requireDirectives();
	var Document = requireDocument();
	var errors = requireErrors();
	var identity = requireIdentity();
	var composeDoc = requireComposeDoc();
	var resolveEnd = requireResolveEnd();

	function getErrorPos(src) {
	    if (typeof src === 'number')
	        return [src, src + 1];
	    if (Array.isArray(src))
	        return src.length === 2 ? src : [src[0], src[1]];
	    const { offset, source } = src;
	    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
	}
	function parsePrelude(prelude) {
	    let comment = '';
	    let atComment = false;
	    let afterEmptyLine = false;
	    for (let i = 0; i < prelude.length; ++i) {
	        const source = prelude[i];
	        switch (source[0]) {
	            case '#':
	                comment +=
	                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
	                        (source.substring(1) || ' ');
	                atComment = true;
	                afterEmptyLine = false;
	                break;
	            case '%':
	                if (prelude[i + 1]?.[0] !== '#')
	                    i += 1;
	                atComment = false;
	                break;
	            default:
	                // This may be wrong after doc-end, but in that case it doesn't matter
	                if (!atComment)
	                    afterEmptyLine = true;
	                atComment = false;
	        }
	    }
	    return { comment, afterEmptyLine };
	}
	/**
	 * Compose a stream of CST nodes into a stream of YAML Documents.
	 *
	 * ```ts
	 * import { Composer, Parser } from 'yaml'
	 *
	 * const src: string = ...
	 * const tokens = new Parser().parse(src)
	 * const docs = new Composer().compose(tokens)
	 * ```
	 */
	class Composer {
	    constructor(options = {}) {
	        this.doc = null;
	        this.atDirectives = false;
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	        this.onError = (source, code, message, warning) => {
	            const pos = getErrorPos(source);
	            if (warning)
	                this.warnings.push(new errors.YAMLWarning(pos, code, message));
	            else
	                this.errors.push(new errors.YAMLParseError(pos, code, message));
	        };
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        this.directives = new directives.Directives({ version: options.version || '1.2' });
	        this.options = options;
	    }
	    decorate(doc, afterDoc) {
	        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
	        //console.log({ dc: doc.comment, prelude, comment })
	        if (comment) {
	            const dc = doc.contents;
	            if (afterDoc) {
	                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
	            }
	            else if (afterEmptyLine || doc.directives.docStart || !dc) {
	                doc.commentBefore = comment;
	            }
	            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
	                let it = dc.items[0];
	                if (identity.isPair(it))
	                    it = it.key;
	                const cb = it.commentBefore;
	                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	            else {
	                const cb = dc.commentBefore;
	                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	        }
	        if (afterDoc) {
	            for (let i = 0; i < this.errors.length; ++i)
	                doc.errors.push(this.errors[i]);
	            for (let i = 0; i < this.warnings.length; ++i)
	                doc.warnings.push(this.warnings[i]);
	        }
	        else {
	            doc.errors = this.errors;
	            doc.warnings = this.warnings;
	        }
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	    }
	    /**
	     * Current stream status information.
	     *
	     * Mostly useful at the end of input for an empty stream.
	     */
	    streamInfo() {
	        return {
	            comment: parsePrelude(this.prelude).comment,
	            directives: this.directives,
	            errors: this.errors,
	            warnings: this.warnings
	        };
	    }
	    /**
	     * Compose tokens into documents.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *compose(tokens, forceDoc = false, endOffset = -1) {
	        for (const token of tokens)
	            yield* this.next(token);
	        yield* this.end(forceDoc, endOffset);
	    }
	    /** Advance the composer by one CST token. */
	    *next(token) {
	        if (node_process.env.LOG_STREAM)
	            console.dir(token, { depth: null });
	        switch (token.type) {
	            case 'directive':
	                this.directives.add(token.source, (offset, message, warning) => {
	                    const pos = getErrorPos(token);
	                    pos[0] += offset;
	                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
	                });
	                this.prelude.push(token.source);
	                this.atDirectives = true;
	                break;
	            case 'document': {
	                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
	                if (this.atDirectives && !doc.directives.docStart)
	                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
	                this.decorate(doc, false);
	                if (this.doc)
	                    yield this.doc;
	                this.doc = doc;
	                this.atDirectives = false;
	                break;
	            }
	            case 'byte-order-mark':
	            case 'space':
	                break;
	            case 'comment':
	            case 'newline':
	                this.prelude.push(token.source);
	                break;
	            case 'error': {
	                const msg = token.source
	                    ? `${token.message}: ${JSON.stringify(token.source)}`
	                    : token.message;
	                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
	                if (this.atDirectives || !this.doc)
	                    this.errors.push(error);
	                else
	                    this.doc.errors.push(error);
	                break;
	            }
	            case 'doc-end': {
	                if (!this.doc) {
	                    const msg = 'Unexpected doc-end without preceding document';
	                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
	                    break;
	                }
	                this.doc.directives.docEnd = true;
	                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
	                this.decorate(this.doc, true);
	                if (end.comment) {
	                    const dc = this.doc.comment;
	                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
	                }
	                this.doc.range[2] = end.offset;
	                break;
	            }
	            default:
	                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
	        }
	    }
	    /**
	     * Call at end of input to yield any remaining document.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *end(forceDoc = false, endOffset = -1) {
	        if (this.doc) {
	            this.decorate(this.doc, true);
	            yield this.doc;
	            this.doc = null;
	        }
	        else if (forceDoc) {
	            const opts = Object.assign({ _directives: this.directives }, this.options);
	            const doc = new Document.Document(undefined, opts);
	            if (this.atDirectives)
	                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
	            doc.range = [0, endOffset, endOffset];
	            this.decorate(doc, false);
	            yield doc;
	        }
	    }
	}

	composer.Composer = Composer;
	return composer;
}

var cst = {};

var cstScalar = {};

var hasRequiredCstScalar;

function requireCstScalar () {
	if (hasRequiredCstScalar) return cstScalar;
	hasRequiredCstScalar = 1;

	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();
	var errors = requireErrors();
	var stringifyString = requireStringifyString();

	function resolveAsScalar(token, strict = true, onError) {
	    if (token) {
	        const _onError = (pos, code, message) => {
	            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
	            if (onError)
	                onError(offset, code, message);
	            else
	                throw new errors.YAMLParseError([offset, offset + 1], code, message);
	        };
	        switch (token.type) {
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
	            case 'block-scalar':
	                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
	        }
	    }
	    return null;
	}
	/**
	 * Create a new scalar token with `value`
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.indent The indent level of the token.
	 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	 * @param context.offset The offset position of the token.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function createScalarToken(value, context) {
	    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey,
	        indent: indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    const end = context.end ?? [
	        { type: 'newline', offset: -1, indent, source: '\n' }
	    ];
	    switch (source[0]) {
	        case '|':
	        case '>': {
	            const he = source.indexOf('\n');
	            const head = source.substring(0, he);
	            const body = source.substring(he + 1) + '\n';
	            const props = [
	                { type: 'block-scalar-header', offset, indent, source: head }
	            ];
	            if (!addEndtoBlockProps(props, end))
	                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	            return { type: 'block-scalar', offset, indent, props, source: body };
	        }
	        case '"':
	            return { type: 'double-quoted-scalar', offset, indent, source, end };
	        case "'":
	            return { type: 'single-quoted-scalar', offset, indent, source, end };
	        default:
	            return { type: 'scalar', offset, indent, source, end };
	    }
	}
	/**
	 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	 *
	 * Best efforts are made to retain any comments previously associated with the `token`,
	 * though all contents within a collection's `items` will be overwritten.
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function setScalarValue(token, value, context = {}) {
	    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
	    let indent = 'indent' in token ? token.indent : null;
	    if (afterKey && typeof indent === 'number')
	        indent += 2;
	    if (!type)
	        switch (token.type) {
	            case 'single-quoted-scalar':
	                type = 'QUOTE_SINGLE';
	                break;
	            case 'double-quoted-scalar':
	                type = 'QUOTE_DOUBLE';
	                break;
	            case 'block-scalar': {
	                const header = token.props[0];
	                if (header.type !== 'block-scalar-header')
	                    throw new Error('Invalid block scalar header');
	                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
	                break;
	            }
	            default:
	                type = 'PLAIN';
	        }
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey: implicitKey || indent === null,
	        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    switch (source[0]) {
	        case '|':
	        case '>':
	            setBlockScalarValue(token, source);
	            break;
	        case '"':
	            setFlowScalarValue(token, source, 'double-quoted-scalar');
	            break;
	        case "'":
	            setFlowScalarValue(token, source, 'single-quoted-scalar');
	            break;
	        default:
	            setFlowScalarValue(token, source, 'scalar');
	    }
	}
	function setBlockScalarValue(token, source) {
	    const he = source.indexOf('\n');
	    const head = source.substring(0, he);
	    const body = source.substring(he + 1) + '\n';
	    if (token.type === 'block-scalar') {
	        const header = token.props[0];
	        if (header.type !== 'block-scalar-header')
	            throw new Error('Invalid block scalar header');
	        header.source = head;
	        token.source = body;
	    }
	    else {
	        const { offset } = token;
	        const indent = 'indent' in token ? token.indent : -1;
	        const props = [
	            { type: 'block-scalar-header', offset, indent, source: head }
	        ];
	        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
	            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	        for (const key of Object.keys(token))
	            if (key !== 'type' && key !== 'offset')
	                delete token[key];
	        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
	    }
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
	    if (end)
	        for (const st of end)
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                    props.push(st);
	                    break;
	                case 'newline':
	                    props.push(st);
	                    return true;
	            }
	    return false;
	}
	function setFlowScalarValue(token, source, type) {
	    switch (token.type) {
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            token.type = type;
	            token.source = source;
	            break;
	        case 'block-scalar': {
	            const end = token.props.slice(1);
	            let oa = source.length;
	            if (token.props[0].type === 'block-scalar-header')
	                oa -= token.props[0].source.length;
	            for (const tok of end)
	                tok.offset += oa;
	            delete token.props;
	            Object.assign(token, { type, source, end });
	            break;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            const offset = token.offset + source.length;
	            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
	            delete token.items;
	            Object.assign(token, { type, source, end: [nl] });
	            break;
	        }
	        default: {
	            const indent = 'indent' in token ? token.indent : -1;
	            const end = 'end' in token && Array.isArray(token.end)
	                ? token.end.filter(st => st.type === 'space' ||
	                    st.type === 'comment' ||
	                    st.type === 'newline')
	                : [];
	            for (const key of Object.keys(token))
	                if (key !== 'type' && key !== 'offset')
	                    delete token[key];
	            Object.assign(token, { type, indent, source, end });
	        }
	    }
	}

	cstScalar.createScalarToken = createScalarToken;
	cstScalar.resolveAsScalar = resolveAsScalar;
	cstScalar.setScalarValue = setScalarValue;
	return cstScalar;
}

var cstStringify = {};

var hasRequiredCstStringify;

function requireCstStringify () {
	if (hasRequiredCstStringify) return cstStringify;
	hasRequiredCstStringify = 1;

	/**
	 * Stringify a CST document, token, or collection item
	 *
	 * Fair warning: This applies no validation whatsoever, and
	 * simply concatenates the sources in their logical order.
	 */
	const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
	    switch (token.type) {
	        case 'block-scalar': {
	            let res = '';
	            for (const tok of token.props)
	                res += stringifyToken(tok);
	            return res + token.source;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            let res = '';
	            for (const item of token.items)
	                res += stringifyItem(item);
	            return res;
	        }
	        case 'flow-collection': {
	            let res = token.start.source;
	            for (const item of token.items)
	                res += stringifyItem(item);
	            for (const st of token.end)
	                res += st.source;
	            return res;
	        }
	        case 'document': {
	            let res = stringifyItem(token);
	            if (token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	        default: {
	            let res = token.source;
	            if ('end' in token && token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	    }
	}
	function stringifyItem({ start, key, sep, value }) {
	    let res = '';
	    for (const st of start)
	        res += st.source;
	    if (key)
	        res += stringifyToken(key);
	    if (sep)
	        for (const st of sep)
	            res += st.source;
	    if (value)
	        res += stringifyToken(value);
	    return res;
	}

	cstStringify.stringify = stringify;
	return cstStringify;
}

var cstVisit = {};

var hasRequiredCstVisit;

function requireCstVisit () {
	if (hasRequiredCstVisit) return cstVisit;
	hasRequiredCstVisit = 1;

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove item');
	/**
	 * Apply a visitor to a CST document or item.
	 *
	 * Walks through the tree (depth-first) starting from the root, calling a
	 * `visitor` function with two arguments when entering each item:
	 *   - `item`: The current item, which included the following members:
	 *     - `start: SourceToken[]` – Source tokens before the key or value,
	 *       possibly including its anchor or tag.
	 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
	 *       the key before the `:` separator is empty.
	 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	 *       which should include the `:` map value indicator if `value` is set.
	 *     - `value?: Token` – The value of a sequence item, or of a map pair.
	 *   - `path`: The steps from the root to the current node, as an array of
	 *     `['key' | 'value', number]` tuples.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this token, continue with
	 *      next sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
	 *   - `number`: Set the index of the next step. This is useful especially if
	 *     the index of the current token has changed.
	 *   - `function`: Define the next visitor for this item. After the original
	 *     visitor is called on item entry, next visitors are called after handling
	 *     a non-empty `key` and when exiting the item.
	 */
	function visit(cst, visitor) {
	    if ('type' in cst && cst.type === 'document')
	        cst = { start: cst.start, value: cst.value };
	    _visit(Object.freeze([]), cst, visitor);
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
	    let item = cst;
	    for (const [field, index] of path) {
	        const tok = item?.[field];
	        if (tok && 'items' in tok) {
	            item = tok.items[index];
	        }
	        else
	            return undefined;
	    }
	    return item;
	};
	/**
	 * Get the immediate parent collection of the item at `path` from `cst` as the root.
	 *
	 * Throws an error if the collection is not found, which should never happen if the item itself exists.
	 */
	visit.parentCollection = (cst, path) => {
	    const parent = visit.itemAtPath(cst, path.slice(0, -1));
	    const field = path[path.length - 1][0];
	    const coll = parent?.[field];
	    if (coll && 'items' in coll)
	        return coll;
	    throw new Error('Parent collection not found');
	};
	function _visit(path, item, visitor) {
	    let ctrl = visitor(item, path);
	    if (typeof ctrl === 'symbol')
	        return ctrl;
	    for (const field of ['key', 'value']) {
	        const token = item[field];
	        if (token && 'items' in token) {
	            for (let i = 0; i < token.items.length; ++i) {
	                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    token.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	            if (typeof ctrl === 'function' && field === 'key')
	                ctrl = ctrl(item, path);
	        }
	    }
	    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
	}

	cstVisit.visit = visit;
	return cstVisit;
}

var hasRequiredCst;

function requireCst () {
	if (hasRequiredCst) return cst;
	hasRequiredCst = 1;

	var cstScalar = requireCstScalar();
	var cstStringify = requireCstStringify();
	var cstVisit = requireCstVisit();

	/** The byte order mark */
	const BOM = '\u{FEFF}';
	/** Start of doc-mode */
	const DOCUMENT = '\x02'; // C0: Start of Text
	/** Unexpected end of flow-mode */
	const FLOW_END = '\x18'; // C0: Cancel
	/** Next token is a scalar value */
	const SCALAR = '\x1f'; // C0: Unit Separator
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && 'items' in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token &&
	    (token.type === 'scalar' ||
	        token.type === 'single-quoted-scalar' ||
	        token.type === 'double-quoted-scalar' ||
	        token.type === 'block-scalar');
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
	    switch (token) {
	        case BOM:
	            return '<BOM>';
	        case DOCUMENT:
	            return '<DOC>';
	        case FLOW_END:
	            return '<FLOW_END>';
	        case SCALAR:
	            return '<SCALAR>';
	        default:
	            return JSON.stringify(token);
	    }
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
	    switch (source) {
	        case BOM:
	            return 'byte-order-mark';
	        case DOCUMENT:
	            return 'doc-mode';
	        case FLOW_END:
	            return 'flow-error-end';
	        case SCALAR:
	            return 'scalar';
	        case '---':
	            return 'doc-start';
	        case '...':
	            return 'doc-end';
	        case '':
	        case '\n':
	        case '\r\n':
	            return 'newline';
	        case '-':
	            return 'seq-item-ind';
	        case '?':
	            return 'explicit-key-ind';
	        case ':':
	            return 'map-value-ind';
	        case '{':
	            return 'flow-map-start';
	        case '}':
	            return 'flow-map-end';
	        case '[':
	            return 'flow-seq-start';
	        case ']':
	            return 'flow-seq-end';
	        case ',':
	            return 'comma';
	    }
	    switch (source[0]) {
	        case ' ':
	        case '\t':
	            return 'space';
	        case '#':
	            return 'comment';
	        case '%':
	            return 'directive-line';
	        case '*':
	            return 'alias';
	        case '&':
	            return 'anchor';
	        case '!':
	            return 'tag';
	        case "'":
	            return 'single-quoted-scalar';
	        case '"':
	            return 'double-quoted-scalar';
	        case '|':
	        case '>':
	            return 'block-scalar-header';
	    }
	    return null;
	}

	cst.createScalarToken = cstScalar.createScalarToken;
	cst.resolveAsScalar = cstScalar.resolveAsScalar;
	cst.setScalarValue = cstScalar.setScalarValue;
	cst.stringify = cstStringify.stringify;
	cst.visit = cstVisit.visit;
	cst.BOM = BOM;
	cst.DOCUMENT = DOCUMENT;
	cst.FLOW_END = FLOW_END;
	cst.SCALAR = SCALAR;
	cst.isCollection = isCollection;
	cst.isScalar = isScalar;
	cst.prettyToken = prettyToken;
	cst.tokenType = tokenType;
	return cst;
}

var lexer = {};

var hasRequiredLexer;

function requireLexer () {
	if (hasRequiredLexer) return lexer;
	hasRequiredLexer = 1;

	var cst = requireCst();

	/*
	START -> stream

	stream
	  directive -> line-end -> stream
	  indent + line-end -> stream
	  [else] -> line-start

	line-end
	  comment -> line-end
	  newline -> .
	  input-end -> END

	line-start
	  doc-start -> doc
	  doc-end -> stream
	  [else] -> indent -> block-start

	block-start
	  seq-item-start -> block-start
	  explicit-key-start -> block-start
	  map-value-start -> block-start
	  [else] -> doc

	doc
	  line-end -> line-start
	  spaces -> doc
	  anchor -> doc
	  tag -> doc
	  flow-start -> flow -> doc
	  flow-end -> error -> doc
	  seq-item-start -> error -> doc
	  explicit-key-start -> error -> doc
	  map-value-start -> doc
	  alias -> doc
	  quote-start -> quoted-scalar -> doc
	  block-scalar-header -> line-end -> block-scalar(min) -> line-start
	  [else] -> plain-scalar(false, min) -> doc

	flow
	  line-end -> flow
	  spaces -> flow
	  anchor -> flow
	  tag -> flow
	  flow-start -> flow -> flow
	  flow-end -> .
	  seq-item-start -> error -> flow
	  explicit-key-start -> flow
	  map-value-start -> flow
	  alias -> flow
	  quote-start -> quoted-scalar -> flow
	  comma -> flow
	  [else] -> plain-scalar(true, 0) -> flow

	quoted-scalar
	  quote-end -> .
	  [else] -> quoted-scalar

	block-scalar(min)
	  newline + peek(indent < min) -> .
	  [else] -> block-scalar(min)

	plain-scalar(is-flow, min)
	  scalar-end(is-flow) -> .
	  peek(newline + (indent < min)) -> .
	  [else] -> plain-scalar(min)
	*/
	function isEmpty(ch) {
	    switch (ch) {
	        case undefined:
	        case ' ':
	        case '\n':
	        case '\r':
	        case '\t':
	            return true;
	        default:
	            return false;
	    }
	}
	const hexDigits = new Set('0123456789ABCDEFabcdef');
	const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = new Set(',[]{}');
	const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	 * Splits an input string into lexical tokens, i.e. smaller strings that are
	 * easily identifiable by `tokens.tokenType()`.
	 *
	 * Lexing starts always in a "stream" context. Incomplete input may be buffered
	 * until a complete token can be emitted.
	 *
	 * In addition to slices of the original input, the following control characters
	 * may also be emitted:
	 *
	 * - `\x02` (Start of Text): A document starts with the next token
	 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	 * - `\x1f` (Unit Separator): Next token is a scalar value
	 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	 */
	class Lexer {
	    constructor() {
	        /**
	         * Flag indicating whether the end of the current buffer marks the end of
	         * all input
	         */
	        this.atEnd = false;
	        /**
	         * Explicit indent set in block scalar header, as an offset from the current
	         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
	         * explicitly set.
	         */
	        this.blockScalarIndent = -1;
	        /**
	         * Block scalars that include a + (keep) chomping indicator in their header
	         * include trailing empty lines, which are otherwise excluded from the
	         * scalar's contents.
	         */
	        this.blockScalarKeep = false;
	        /** Current input */
	        this.buffer = '';
	        /**
	         * Flag noting whether the map value indicator : can immediately follow this
	         * node within a flow context.
	         */
	        this.flowKey = false;
	        /** Count of surrounding flow collection levels. */
	        this.flowLevel = 0;
	        /**
	         * Minimum level of indentation required for next lines to be parsed as a
	         * part of the current scalar value.
	         */
	        this.indentNext = 0;
	        /** Indentation level of the current line. */
	        this.indentValue = 0;
	        /** Position of the next \n character. */
	        this.lineEndPos = null;
	        /** Stores the state of the lexer if reaching the end of incpomplete input */
	        this.next = null;
	        /** A pointer to `buffer`; the current position of the lexer. */
	        this.pos = 0;
	    }
	    /**
	     * Generate YAML tokens from the `source` string. If `incomplete`,
	     * a part of the last line may be left as a buffer for the next call.
	     *
	     * @returns A generator of lexical tokens
	     */
	    *lex(source, incomplete = false) {
	        if (source) {
	            if (typeof source !== 'string')
	                throw TypeError('source is not a string');
	            this.buffer = this.buffer ? this.buffer + source : source;
	            this.lineEndPos = null;
	        }
	        this.atEnd = !incomplete;
	        let next = this.next ?? 'stream';
	        while (next && (incomplete || this.hasChars(1)))
	            next = yield* this.parseNext(next);
	    }
	    atLineEnd() {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (ch === ' ' || ch === '\t')
	            ch = this.buffer[++i];
	        if (!ch || ch === '#' || ch === '\n')
	            return true;
	        if (ch === '\r')
	            return this.buffer[i + 1] === '\n';
	        return false;
	    }
	    charAt(n) {
	        return this.buffer[this.pos + n];
	    }
	    continueScalar(offset) {
	        let ch = this.buffer[offset];
	        if (this.indentNext > 0) {
	            let indent = 0;
	            while (ch === ' ')
	                ch = this.buffer[++indent + offset];
	            if (ch === '\r') {
	                const next = this.buffer[indent + offset + 1];
	                if (next === '\n' || (!next && !this.atEnd))
	                    return offset + indent + 1;
	            }
	            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
	                ? offset + indent
	                : -1;
	        }
	        if (ch === '-' || ch === '.') {
	            const dt = this.buffer.substr(offset, 3);
	            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
	                return -1;
	        }
	        return offset;
	    }
	    getLine() {
	        let end = this.lineEndPos;
	        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
	            end = this.buffer.indexOf('\n', this.pos);
	            this.lineEndPos = end;
	        }
	        if (end === -1)
	            return this.atEnd ? this.buffer.substring(this.pos) : null;
	        if (this.buffer[end - 1] === '\r')
	            end -= 1;
	        return this.buffer.substring(this.pos, end);
	    }
	    hasChars(n) {
	        return this.pos + n <= this.buffer.length;
	    }
	    setNext(state) {
	        this.buffer = this.buffer.substring(this.pos);
	        this.pos = 0;
	        this.lineEndPos = null;
	        this.next = state;
	        return null;
	    }
	    peek(n) {
	        return this.buffer.substr(this.pos, n);
	    }
	    *parseNext(next) {
	        switch (next) {
	            case 'stream':
	                return yield* this.parseStream();
	            case 'line-start':
	                return yield* this.parseLineStart();
	            case 'block-start':
	                return yield* this.parseBlockStart();
	            case 'doc':
	                return yield* this.parseDocument();
	            case 'flow':
	                return yield* this.parseFlowCollection();
	            case 'quoted-scalar':
	                return yield* this.parseQuotedScalar();
	            case 'block-scalar':
	                return yield* this.parseBlockScalar();
	            case 'plain-scalar':
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseStream() {
	        let line = this.getLine();
	        if (line === null)
	            return this.setNext('stream');
	        if (line[0] === cst.BOM) {
	            yield* this.pushCount(1);
	            line = line.substring(1);
	        }
	        if (line[0] === '%') {
	            let dirEnd = line.length;
	            let cs = line.indexOf('#');
	            while (cs !== -1) {
	                const ch = line[cs - 1];
	                if (ch === ' ' || ch === '\t') {
	                    dirEnd = cs - 1;
	                    break;
	                }
	                else {
	                    cs = line.indexOf('#', cs + 1);
	                }
	            }
	            while (true) {
	                const ch = line[dirEnd - 1];
	                if (ch === ' ' || ch === '\t')
	                    dirEnd -= 1;
	                else
	                    break;
	            }
	            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
	            yield* this.pushCount(line.length - n); // possible comment
	            this.pushNewline();
	            return 'stream';
	        }
	        if (this.atLineEnd()) {
	            const sp = yield* this.pushSpaces(true);
	            yield* this.pushCount(line.length - sp);
	            yield* this.pushNewline();
	            return 'stream';
	        }
	        yield cst.DOCUMENT;
	        return yield* this.parseLineStart();
	    }
	    *parseLineStart() {
	        const ch = this.charAt(0);
	        if (!ch && !this.atEnd)
	            return this.setNext('line-start');
	        if (ch === '-' || ch === '.') {
	            if (!this.atEnd && !this.hasChars(4))
	                return this.setNext('line-start');
	            const s = this.peek(3);
	            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
	                yield* this.pushCount(3);
	                this.indentValue = 0;
	                this.indentNext = 0;
	                return s === '---' ? 'doc' : 'stream';
	            }
	        }
	        this.indentValue = yield* this.pushSpaces(false);
	        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
	            this.indentNext = this.indentValue;
	        return yield* this.parseBlockStart();
	    }
	    *parseBlockStart() {
	        const [ch0, ch1] = this.peek(2);
	        if (!ch1 && !this.atEnd)
	            return this.setNext('block-start');
	        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
	            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
	            this.indentNext = this.indentValue + 1;
	            this.indentValue += n;
	            return 'block-start';
	        }
	        return 'doc';
	    }
	    *parseDocument() {
	        yield* this.pushSpaces(true);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('doc');
	        let n = yield* this.pushIndicators();
	        switch (line[n]) {
	            case '#':
	                yield* this.pushCount(line.length - n);
	            // fallthrough
	            case undefined:
	                yield* this.pushNewline();
	                return yield* this.parseLineStart();
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel = 1;
	                return 'flow';
	            case '}':
	            case ']':
	                // this is an error
	                yield* this.pushCount(1);
	                return 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'doc';
	            case '"':
	            case "'":
	                return yield* this.parseQuotedScalar();
	            case '|':
	            case '>':
	                n += yield* this.parseBlockScalarHeader();
	                n += yield* this.pushSpaces(true);
	                yield* this.pushCount(line.length - n);
	                yield* this.pushNewline();
	                return yield* this.parseBlockScalar();
	            default:
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseFlowCollection() {
	        let nl, sp;
	        let indent = -1;
	        do {
	            nl = yield* this.pushNewline();
	            if (nl > 0) {
	                sp = yield* this.pushSpaces(false);
	                this.indentValue = indent = sp;
	            }
	            else {
	                sp = 0;
	            }
	            sp += yield* this.pushSpaces(true);
	        } while (nl + sp > 0);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('flow');
	        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
	            (indent === 0 &&
	                (line.startsWith('---') || line.startsWith('...')) &&
	                isEmpty(line[3]))) {
	            // Allowing for the terminal ] or } at the same (rather than greater)
	            // indent level as the initial [ or { is technically invalid, but
	            // failing here would be surprising to users.
	            const atFlowEndMarker = indent === this.indentNext - 1 &&
	                this.flowLevel === 1 &&
	                (line[0] === ']' || line[0] === '}');
	            if (!atFlowEndMarker) {
	                // this is an error
	                this.flowLevel = 0;
	                yield cst.FLOW_END;
	                return yield* this.parseLineStart();
	            }
	        }
	        let n = 0;
	        while (line[n] === ',') {
	            n += yield* this.pushCount(1);
	            n += yield* this.pushSpaces(true);
	            this.flowKey = false;
	        }
	        n += yield* this.pushIndicators();
	        switch (line[n]) {
	            case undefined:
	                return 'flow';
	            case '#':
	                yield* this.pushCount(line.length - n);
	                return 'flow';
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel += 1;
	                return 'flow';
	            case '}':
	            case ']':
	                yield* this.pushCount(1);
	                this.flowKey = true;
	                this.flowLevel -= 1;
	                return this.flowLevel ? 'flow' : 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'flow';
	            case '"':
	            case "'":
	                this.flowKey = true;
	                return yield* this.parseQuotedScalar();
	            case ':': {
	                const next = this.charAt(1);
	                if (this.flowKey || isEmpty(next) || next === ',') {
	                    this.flowKey = false;
	                    yield* this.pushCount(1);
	                    yield* this.pushSpaces(true);
	                    return 'flow';
	                }
	            }
	            // fallthrough
	            default:
	                this.flowKey = false;
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseQuotedScalar() {
	        const quote = this.charAt(0);
	        let end = this.buffer.indexOf(quote, this.pos + 1);
	        if (quote === "'") {
	            while (end !== -1 && this.buffer[end + 1] === "'")
	                end = this.buffer.indexOf("'", end + 2);
	        }
	        else {
	            // double-quote
	            while (end !== -1) {
	                let n = 0;
	                while (this.buffer[end - 1 - n] === '\\')
	                    n += 1;
	                if (n % 2 === 0)
	                    break;
	                end = this.buffer.indexOf('"', end + 1);
	            }
	        }
	        // Only looking for newlines within the quotes
	        const qb = this.buffer.substring(0, end);
	        let nl = qb.indexOf('\n', this.pos);
	        if (nl !== -1) {
	            while (nl !== -1) {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = qb.indexOf('\n', cs);
	            }
	            if (nl !== -1) {
	                // this is an error caused by an unexpected unindent
	                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
	            }
	        }
	        if (end === -1) {
	            if (!this.atEnd)
	                return this.setNext('quoted-scalar');
	            end = this.buffer.length;
	        }
	        yield* this.pushToIndex(end + 1, false);
	        return this.flowLevel ? 'flow' : 'doc';
	    }
	    *parseBlockScalarHeader() {
	        this.blockScalarIndent = -1;
	        this.blockScalarKeep = false;
	        let i = this.pos;
	        while (true) {
	            const ch = this.buffer[++i];
	            if (ch === '+')
	                this.blockScalarKeep = true;
	            else if (ch > '0' && ch <= '9')
	                this.blockScalarIndent = Number(ch) - 1;
	            else if (ch !== '-')
	                break;
	        }
	        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
	    }
	    *parseBlockScalar() {
	        let nl = this.pos - 1; // may be -1 if this.pos === 0
	        let indent = 0;
	        let ch;
	        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
	            switch (ch) {
	                case ' ':
	                    indent += 1;
	                    break;
	                case '\n':
	                    nl = i;
	                    indent = 0;
	                    break;
	                case '\r': {
	                    const next = this.buffer[i + 1];
	                    if (!next && !this.atEnd)
	                        return this.setNext('block-scalar');
	                    if (next === '\n')
	                        break;
	                } // fallthrough
	                default:
	                    break loop;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('block-scalar');
	        if (indent >= this.indentNext) {
	            if (this.blockScalarIndent === -1)
	                this.indentNext = indent;
	            else {
	                this.indentNext =
	                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
	            }
	            do {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = this.buffer.indexOf('\n', cs);
	            } while (nl !== -1);
	            if (nl === -1) {
	                if (!this.atEnd)
	                    return this.setNext('block-scalar');
	                nl = this.buffer.length;
	            }
	        }
	        // Trailing insufficiently indented tabs are invalid.
	        // To catch that during parsing, we include them in the block scalar value.
	        let i = nl + 1;
	        ch = this.buffer[i];
	        while (ch === ' ')
	            ch = this.buffer[++i];
	        if (ch === '\t') {
	            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
	                ch = this.buffer[++i];
	            nl = i - 1;
	        }
	        else if (!this.blockScalarKeep) {
	            do {
	                let i = nl - 1;
	                let ch = this.buffer[i];
	                if (ch === '\r')
	                    ch = this.buffer[--i];
	                const lastChar = i; // Drop the line if last char not more indented
	                while (ch === ' ')
	                    ch = this.buffer[--i];
	                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
	                    nl = i;
	                else
	                    break;
	            } while (true);
	        }
	        yield cst.SCALAR;
	        yield* this.pushToIndex(nl + 1, true);
	        return yield* this.parseLineStart();
	    }
	    *parsePlainScalar() {
	        const inFlow = this.flowLevel > 0;
	        let end = this.pos - 1;
	        let i = this.pos - 1;
	        let ch;
	        while ((ch = this.buffer[++i])) {
	            if (ch === ':') {
	                const next = this.buffer[i + 1];
	                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                end = i;
	            }
	            else if (isEmpty(ch)) {
	                let next = this.buffer[i + 1];
	                if (ch === '\r') {
	                    if (next === '\n') {
	                        i += 1;
	                        ch = '\n';
	                        next = this.buffer[i + 1];
	                    }
	                    else
	                        end = i;
	                }
	                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                if (ch === '\n') {
	                    const cs = this.continueScalar(i + 1);
	                    if (cs === -1)
	                        break;
	                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
	                }
	            }
	            else {
	                if (inFlow && flowIndicatorChars.has(ch))
	                    break;
	                end = i;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('plain-scalar');
	        yield cst.SCALAR;
	        yield* this.pushToIndex(end + 1, true);
	        return inFlow ? 'flow' : 'doc';
	    }
	    *pushCount(n) {
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos += n;
	            return n;
	        }
	        return 0;
	    }
	    *pushToIndex(i, allowEmpty) {
	        const s = this.buffer.slice(this.pos, i);
	        if (s) {
	            yield s;
	            this.pos += s.length;
	            return s.length;
	        }
	        else if (allowEmpty)
	            yield '';
	        return 0;
	    }
	    *pushIndicators() {
	        let n = 0;
	        loop: while (true) {
	            switch (this.charAt(0)) {
	                case '!':
	                    n += yield* this.pushTag();
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '&':
	                    n += yield* this.pushUntil(isNotAnchorChar);
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '-': // this is an error
	                case '?': // this is an error outside flow collections
	                case ':': {
	                    const inFlow = this.flowLevel > 0;
	                    const ch1 = this.charAt(1);
	                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
	                        if (!inFlow)
	                            this.indentNext = this.indentValue + 1;
	                        else if (this.flowKey)
	                            this.flowKey = false;
	                        n += yield* this.pushCount(1);
	                        n += yield* this.pushSpaces(true);
	                        continue loop;
	                    }
	                }
	            }
	            break loop;
	        }
	        return n;
	    }
	    *pushTag() {
	        if (this.charAt(1) === '<') {
	            let i = this.pos + 2;
	            let ch = this.buffer[i];
	            while (!isEmpty(ch) && ch !== '>')
	                ch = this.buffer[++i];
	            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
	        }
	        else {
	            let i = this.pos + 1;
	            let ch = this.buffer[i];
	            while (ch) {
	                if (tagChars.has(ch))
	                    ch = this.buffer[++i];
	                else if (ch === '%' &&
	                    hexDigits.has(this.buffer[i + 1]) &&
	                    hexDigits.has(this.buffer[i + 2])) {
	                    ch = this.buffer[(i += 3)];
	                }
	                else
	                    break;
	            }
	            return yield* this.pushToIndex(i, false);
	        }
	    }
	    *pushNewline() {
	        const ch = this.buffer[this.pos];
	        if (ch === '\n')
	            return yield* this.pushCount(1);
	        else if (ch === '\r' && this.charAt(1) === '\n')
	            return yield* this.pushCount(2);
	        else
	            return 0;
	    }
	    *pushSpaces(allowTabs) {
	        let i = this.pos - 1;
	        let ch;
	        do {
	            ch = this.buffer[++i];
	        } while (ch === ' ' || (allowTabs && ch === '\t'));
	        const n = i - this.pos;
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos = i;
	        }
	        return n;
	    }
	    *pushUntil(test) {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (!test(ch))
	            ch = this.buffer[++i];
	        return yield* this.pushToIndex(i, false);
	    }
	}

	lexer.Lexer = Lexer;
	return lexer;
}

var lineCounter = {};

var hasRequiredLineCounter;

function requireLineCounter () {
	if (hasRequiredLineCounter) return lineCounter;
	hasRequiredLineCounter = 1;

	/**
	 * Tracks newlines during parsing in order to provide an efficient API for
	 * determining the one-indexed `{ line, col }` position for any offset
	 * within the input.
	 */
	class LineCounter {
	    constructor() {
	        this.lineStarts = [];
	        /**
	         * Should be called in ascending order. Otherwise, call
	         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
	         */
	        this.addNewLine = (offset) => this.lineStarts.push(offset);
	        /**
	         * Performs a binary search and returns the 1-indexed { line, col }
	         * position of `offset`. If `line === 0`, `addNewLine` has never been
	         * called or `offset` is before the first known newline.
	         */
	        this.linePos = (offset) => {
	            let low = 0;
	            let high = this.lineStarts.length;
	            while (low < high) {
	                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
	                if (this.lineStarts[mid] < offset)
	                    low = mid + 1;
	                else
	                    high = mid;
	            }
	            if (this.lineStarts[low] === offset)
	                return { line: low + 1, col: 1 };
	            if (low === 0)
	                return { line: 0, col: offset };
	            const start = this.lineStarts[low - 1];
	            return { line: low, col: offset - start + 1 };
	        };
	    }
	}

	lineCounter.LineCounter = LineCounter;
	return lineCounter;
}

var parser = {};

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;

	var node_process = require$$0$2;
	var cst = requireCst();
	var lexer = requireLexer();

	function includesToken(list, type) {
	    for (let i = 0; i < list.length; ++i)
	        if (list[i].type === type)
	            return true;
	    return false;
	}
	function findNonEmptyIndex(list) {
	    for (let i = 0; i < list.length; ++i) {
	        switch (list[i].type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                break;
	            default:
	                return i;
	        }
	    }
	    return -1;
	}
	function isFlowToken(token) {
	    switch (token?.type) {
	        case 'alias':
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'flow-collection':
	            return true;
	        default:
	            return false;
	    }
	}
	function getPrevProps(parent) {
	    switch (parent.type) {
	        case 'document':
	            return parent.start;
	        case 'block-map': {
	            const it = parent.items[parent.items.length - 1];
	            return it.sep ?? it.start;
	        }
	        case 'block-seq':
	            return parent.items[parent.items.length - 1].start;
	        /* istanbul ignore next should not happen */
	        default:
	            return [];
	    }
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
	    if (prev.length === 0)
	        return [];
	    let i = prev.length;
	    loop: while (--i >= 0) {
	        switch (prev[i].type) {
	            case 'doc-start':
	            case 'explicit-key-ind':
	            case 'map-value-ind':
	            case 'seq-item-ind':
	            case 'newline':
	                break loop;
	        }
	    }
	    while (prev[++i]?.type === 'space') {
	        /* loop */
	    }
	    return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
	    // May exhaust call stack with large `source` array
	    if (source.length < 1e5)
	        Array.prototype.push.apply(target, source);
	    else
	        for (let i = 0; i < source.length; ++i)
	            target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
	    if (fc.start.type === 'flow-seq-start') {
	        for (const it of fc.items) {
	            if (it.sep &&
	                !it.value &&
	                !includesToken(it.start, 'explicit-key-ind') &&
	                !includesToken(it.sep, 'map-value-ind')) {
	                if (it.key)
	                    it.value = it.key;
	                delete it.key;
	                if (isFlowToken(it.value)) {
	                    if (it.value.end)
	                        arrayPushArray(it.value.end, it.sep);
	                    else
	                        it.value.end = it.sep;
	                }
	                else
	                    arrayPushArray(it.start, it.sep);
	                delete it.sep;
	            }
	        }
	    }
	}
	/**
	 * A YAML concrete syntax tree (CST) parser
	 *
	 * ```ts
	 * const src: string = ...
	 * for (const token of new Parser().parse(src)) {
	 *   // token: Token
	 * }
	 * ```
	 *
	 * To use the parser with a user-provided lexer:
	 *
	 * ```ts
	 * function* parse(source: string, lexer: Lexer) {
	 *   const parser = new Parser()
	 *   for (const lexeme of lexer.lex(source))
	 *     yield* parser.next(lexeme)
	 *   yield* parser.end()
	 * }
	 *
	 * const src: string = ...
	 * const lexer = new Lexer()
	 * for (const token of parse(src, lexer)) {
	 *   // token: Token
	 * }
	 * ```
	 */
	class Parser {
	    /**
	     * @param onNewLine - If defined, called separately with the start position of
	     *   each new line (in `parse()`, including the start of input).
	     */
	    constructor(onNewLine) {
	        /** If true, space and sequence indicators count as indentation */
	        this.atNewLine = true;
	        /** If true, next token is a scalar value */
	        this.atScalar = false;
	        /** Current indentation level */
	        this.indent = 0;
	        /** Current offset since the start of parsing */
	        this.offset = 0;
	        /** On the same line with a block map key */
	        this.onKeyLine = false;
	        /** Top indicates the node that's currently being built */
	        this.stack = [];
	        /** The source of the current token, set in parse() */
	        this.source = '';
	        /** The type of the current token, set in parse() */
	        this.type = '';
	        // Must be defined after `next()`
	        this.lexer = new lexer.Lexer();
	        this.onNewLine = onNewLine;
	    }
	    /**
	     * Parse `source` as a YAML stream.
	     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
	     *
	     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
	     *
	     * @returns A generator of tokens representing each directive, document, and other structure.
	     */
	    *parse(source, incomplete = false) {
	        if (this.onNewLine && this.offset === 0)
	            this.onNewLine(0);
	        for (const lexeme of this.lexer.lex(source, incomplete))
	            yield* this.next(lexeme);
	        if (!incomplete)
	            yield* this.end();
	    }
	    /**
	     * Advance the parser by the `source` of one lexical token.
	     */
	    *next(source) {
	        this.source = source;
	        if (node_process.env.LOG_TOKENS)
	            console.log('|', cst.prettyToken(source));
	        if (this.atScalar) {
	            this.atScalar = false;
	            yield* this.step();
	            this.offset += source.length;
	            return;
	        }
	        const type = cst.tokenType(source);
	        if (!type) {
	            const message = `Not a YAML token: ${source}`;
	            yield* this.pop({ type: 'error', offset: this.offset, message, source });
	            this.offset += source.length;
	        }
	        else if (type === 'scalar') {
	            this.atNewLine = false;
	            this.atScalar = true;
	            this.type = 'scalar';
	        }
	        else {
	            this.type = type;
	            yield* this.step();
	            switch (type) {
	                case 'newline':
	                    this.atNewLine = true;
	                    this.indent = 0;
	                    if (this.onNewLine)
	                        this.onNewLine(this.offset + source.length);
	                    break;
	                case 'space':
	                    if (this.atNewLine && source[0] === ' ')
	                        this.indent += source.length;
	                    break;
	                case 'explicit-key-ind':
	                case 'map-value-ind':
	                case 'seq-item-ind':
	                    if (this.atNewLine)
	                        this.indent += source.length;
	                    break;
	                case 'doc-mode':
	                case 'flow-error-end':
	                    return;
	                default:
	                    this.atNewLine = false;
	            }
	            this.offset += source.length;
	        }
	    }
	    /** Call at end of input to push out any remaining constructions */
	    *end() {
	        while (this.stack.length > 0)
	            yield* this.pop();
	    }
	    get sourceToken() {
	        const st = {
	            type: this.type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	        return st;
	    }
	    *step() {
	        const top = this.peek(1);
	        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
	            while (this.stack.length > 0)
	                yield* this.pop();
	            this.stack.push({
	                type: 'doc-end',
	                offset: this.offset,
	                source: this.source
	            });
	            return;
	        }
	        if (!top)
	            return yield* this.stream();
	        switch (top.type) {
	            case 'document':
	                return yield* this.document(top);
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return yield* this.scalar(top);
	            case 'block-scalar':
	                return yield* this.blockScalar(top);
	            case 'block-map':
	                return yield* this.blockMap(top);
	            case 'block-seq':
	                return yield* this.blockSequence(top);
	            case 'flow-collection':
	                return yield* this.flowCollection(top);
	            case 'doc-end':
	                return yield* this.documentEnd(top);
	        }
	        /* istanbul ignore next should not happen */
	        yield* this.pop();
	    }
	    peek(n) {
	        return this.stack[this.stack.length - n];
	    }
	    *pop(error) {
	        const token = error ?? this.stack.pop();
	        /* istanbul ignore if should not happen */
	        if (!token) {
	            const message = 'Tried to pop an empty stack';
	            yield { type: 'error', offset: this.offset, source: '', message };
	        }
	        else if (this.stack.length === 0) {
	            yield token;
	        }
	        else {
	            const top = this.peek(1);
	            if (token.type === 'block-scalar') {
	                // Block scalars use their parent rather than header indent
	                token.indent = 'indent' in top ? top.indent : 0;
	            }
	            else if (token.type === 'flow-collection' && top.type === 'document') {
	                // Ignore all indent for top-level flow collections
	                token.indent = 0;
	            }
	            if (token.type === 'flow-collection')
	                fixFlowSeqItems(token);
	            switch (top.type) {
	                case 'document':
	                    top.value = token;
	                    break;
	                case 'block-scalar':
	                    top.props.push(token); // error
	                    break;
	                case 'block-map': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value) {
	                        top.items.push({ start: [], key: token, sep: [] });
	                        this.onKeyLine = true;
	                        return;
	                    }
	                    else if (it.sep) {
	                        it.value = token;
	                    }
	                    else {
	                        Object.assign(it, { key: token, sep: [] });
	                        this.onKeyLine = !it.explicitKey;
	                        return;
	                    }
	                    break;
	                }
	                case 'block-seq': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value)
	                        top.items.push({ start: [], value: token });
	                    else
	                        it.value = token;
	                    break;
	                }
	                case 'flow-collection': {
	                    const it = top.items[top.items.length - 1];
	                    if (!it || it.value)
	                        top.items.push({ start: [], key: token, sep: [] });
	                    else if (it.sep)
	                        it.value = token;
	                    else
	                        Object.assign(it, { key: token, sep: [] });
	                    return;
	                }
	                /* istanbul ignore next should not happen */
	                default:
	                    yield* this.pop();
	                    yield* this.pop(token);
	            }
	            if ((top.type === 'document' ||
	                top.type === 'block-map' ||
	                top.type === 'block-seq') &&
	                (token.type === 'block-map' || token.type === 'block-seq')) {
	                const last = token.items[token.items.length - 1];
	                if (last &&
	                    !last.sep &&
	                    !last.value &&
	                    last.start.length > 0 &&
	                    findNonEmptyIndex(last.start) === -1 &&
	                    (token.indent === 0 ||
	                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
	                    if (top.type === 'document')
	                        top.end = last.start;
	                    else
	                        top.items.push({ start: last.start });
	                    token.items.splice(-1, 1);
	                }
	            }
	        }
	    }
	    *stream() {
	        switch (this.type) {
	            case 'directive-line':
	                yield { type: 'directive', offset: this.offset, source: this.source };
	                return;
	            case 'byte-order-mark':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                yield this.sourceToken;
	                return;
	            case 'doc-mode':
	            case 'doc-start': {
	                const doc = {
	                    type: 'document',
	                    offset: this.offset,
	                    start: []
	                };
	                if (this.type === 'doc-start')
	                    doc.start.push(this.sourceToken);
	                this.stack.push(doc);
	                return;
	            }
	        }
	        yield {
	            type: 'error',
	            offset: this.offset,
	            message: `Unexpected ${this.type} token in YAML stream`,
	            source: this.source
	        };
	    }
	    *document(doc) {
	        if (doc.value)
	            return yield* this.lineEnd(doc);
	        switch (this.type) {
	            case 'doc-start': {
	                if (findNonEmptyIndex(doc.start) !== -1) {
	                    yield* this.pop();
	                    yield* this.step();
	                }
	                else
	                    doc.start.push(this.sourceToken);
	                return;
	            }
	            case 'anchor':
	            case 'tag':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                doc.start.push(this.sourceToken);
	                return;
	        }
	        const bv = this.startBlockValue(doc);
	        if (bv)
	            this.stack.push(bv);
	        else {
	            yield {
	                type: 'error',
	                offset: this.offset,
	                message: `Unexpected ${this.type} token in YAML document`,
	                source: this.source
	            };
	        }
	    }
	    *scalar(scalar) {
	        if (this.type === 'map-value-ind') {
	            const prev = getPrevProps(this.peek(2));
	            const start = getFirstKeyStartProps(prev);
	            let sep;
	            if (scalar.end) {
	                sep = scalar.end;
	                sep.push(this.sourceToken);
	                delete scalar.end;
	            }
	            else
	                sep = [this.sourceToken];
	            const map = {
	                type: 'block-map',
	                offset: scalar.offset,
	                indent: scalar.indent,
	                items: [{ start, key: scalar, sep }]
	            };
	            this.onKeyLine = true;
	            this.stack[this.stack.length - 1] = map;
	        }
	        else
	            yield* this.lineEnd(scalar);
	    }
	    *blockScalar(scalar) {
	        switch (this.type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                scalar.props.push(this.sourceToken);
	                return;
	            case 'scalar':
	                scalar.source = this.source;
	                // block-scalar source includes trailing newline
	                this.atNewLine = true;
	                this.indent = 0;
	                if (this.onNewLine) {
	                    let nl = this.source.indexOf('\n') + 1;
	                    while (nl !== 0) {
	                        this.onNewLine(this.offset + nl);
	                        nl = this.source.indexOf('\n', nl) + 1;
	                    }
	                }
	                yield* this.pop();
	                break;
	            /* istanbul ignore next should not happen */
	            default:
	                yield* this.pop();
	                yield* this.step();
	        }
	    }
	    *blockMap(map) {
	        const it = map.items[map.items.length - 1];
	        // it.sep is true-ish if pair already has key or : separator
	        switch (this.type) {
	            case 'newline':
	                this.onKeyLine = false;
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value) {
	                    map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    if (this.atIndentedComment(it.start, map.indent)) {
	                        const prev = map.items[map.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            map.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	        }
	        if (this.indent >= map.indent) {
	            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
	            const atNextItem = atMapIndent &&
	                (it.sep || it.explicitKey) &&
	                this.type !== 'seq-item-ind';
	            // For empty nodes, assign newline-separated not indented empty tokens to following node
	            let start = [];
	            if (atNextItem && it.sep && !it.value) {
	                const nl = [];
	                for (let i = 0; i < it.sep.length; ++i) {
	                    const st = it.sep[i];
	                    switch (st.type) {
	                        case 'newline':
	                            nl.push(i);
	                            break;
	                        case 'space':
	                            break;
	                        case 'comment':
	                            if (st.indent > map.indent)
	                                nl.length = 0;
	                            break;
	                        default:
	                            nl.length = 0;
	                    }
	                }
	                if (nl.length >= 2)
	                    start = it.sep.splice(nl[1]);
	            }
	            switch (this.type) {
	                case 'anchor':
	                case 'tag':
	                    if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        it.sep.push(this.sourceToken);
	                    }
	                    else {
	                        it.start.push(this.sourceToken);
	                    }
	                    return;
	                case 'explicit-key-ind':
	                    if (!it.sep && !it.explicitKey) {
	                        it.start.push(this.sourceToken);
	                        it.explicitKey = true;
	                    }
	                    else if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start, explicitKey: true });
	                    }
	                    else {
	                        this.stack.push({
	                            type: 'block-map',
	                            offset: this.offset,
	                            indent: this.indent,
	                            items: [{ start: [this.sourceToken], explicitKey: true }]
	                        });
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'map-value-ind':
	                    if (it.explicitKey) {
	                        if (!it.sep) {
	                            if (includesToken(it.start, 'newline')) {
	                                Object.assign(it, { key: null, sep: [this.sourceToken] });
	                            }
	                            else {
	                                const start = getFirstKeyStartProps(it.start);
	                                this.stack.push({
	                                    type: 'block-map',
	                                    offset: this.offset,
	                                    indent: this.indent,
	                                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                                });
	                            }
	                        }
	                        else if (it.value) {
	                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else if (isFlowToken(it.key) &&
	                            !includesToken(it.sep, 'newline')) {
	                            const start = getFirstKeyStartProps(it.start);
	                            const key = it.key;
	                            const sep = it.sep;
	                            sep.push(this.sourceToken);
	                            // @ts-expect-error type guard is wrong here
	                            delete it.key;
	                            // @ts-expect-error type guard is wrong here
	                            delete it.sep;
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key, sep }]
	                            });
	                        }
	                        else if (start.length > 0) {
	                            // Not actually at next item
	                            it.sep = it.sep.concat(start, this.sourceToken);
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    else {
	                        if (!it.sep) {
	                            Object.assign(it, { key: null, sep: [this.sourceToken] });
	                        }
	                        else if (it.value || atNextItem) {
	                            map.items.push({ start, key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (atNextItem || it.value) {
	                        map.items.push({ start, key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        this.stack.push(fs);
	                    }
	                    else {
	                        Object.assign(it, { key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    return;
	                }
	                default: {
	                    const bv = this.startBlockValue(map);
	                    if (bv) {
	                        if (bv.type === 'block-seq') {
	                            if (!it.explicitKey &&
	                                it.sep &&
	                                !includesToken(it.sep, 'newline')) {
	                                yield* this.pop({
	                                    type: 'error',
	                                    offset: this.offset,
	                                    message: 'Unexpected block-seq-ind on same line with key',
	                                    source: this.source
	                                });
	                                return;
	                            }
	                        }
	                        else if (atMapIndent) {
	                            map.items.push({ start });
	                        }
	                        this.stack.push(bv);
	                        return;
	                    }
	                }
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *blockSequence(seq) {
	        const it = seq.items[seq.items.length - 1];
	        switch (this.type) {
	            case 'newline':
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        seq.items.push({ start: [this.sourceToken] });
	                }
	                else
	                    it.start.push(this.sourceToken);
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value)
	                    seq.items.push({ start: [this.sourceToken] });
	                else {
	                    if (this.atIndentedComment(it.start, seq.indent)) {
	                        const prev = seq.items[seq.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            seq.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'anchor':
	            case 'tag':
	                if (it.value || this.indent <= seq.indent)
	                    break;
	                it.start.push(this.sourceToken);
	                return;
	            case 'seq-item-ind':
	                if (this.indent !== seq.indent)
	                    break;
	                if (it.value || includesToken(it.start, 'seq-item-ind'))
	                    seq.items.push({ start: [this.sourceToken] });
	                else
	                    it.start.push(this.sourceToken);
	                return;
	        }
	        if (this.indent > seq.indent) {
	            const bv = this.startBlockValue(seq);
	            if (bv) {
	                this.stack.push(bv);
	                return;
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *flowCollection(fc) {
	        const it = fc.items[fc.items.length - 1];
	        if (this.type === 'flow-error-end') {
	            let top;
	            do {
	                yield* this.pop();
	                top = this.peek(1);
	            } while (top?.type === 'flow-collection');
	        }
	        else if (fc.end.length === 0) {
	            switch (this.type) {
	                case 'comma':
	                case 'explicit-key-ind':
	                    if (!it || it.sep)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'map-value-ind':
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        Object.assign(it, { key: null, sep: [this.sourceToken] });
	                    return;
	                case 'space':
	                case 'comment':
	                case 'newline':
	                case 'anchor':
	                case 'tag':
	                    if (!it || it.value)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: fs, sep: [] });
	                    else if (it.sep)
	                        this.stack.push(fs);
	                    else
	                        Object.assign(it, { key: fs, sep: [] });
	                    return;
	                }
	                case 'flow-map-end':
	                case 'flow-seq-end':
	                    fc.end.push(this.sourceToken);
	                    return;
	            }
	            const bv = this.startBlockValue(fc);
	            /* istanbul ignore else should not happen */
	            if (bv)
	                this.stack.push(bv);
	            else {
	                yield* this.pop();
	                yield* this.step();
	            }
	        }
	        else {
	            const parent = this.peek(2);
	            if (parent.type === 'block-map' &&
	                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
	                    (this.type === 'newline' &&
	                        !parent.items[parent.items.length - 1].sep))) {
	                yield* this.pop();
	                yield* this.step();
	            }
	            else if (this.type === 'map-value-ind' &&
	                parent.type !== 'flow-collection') {
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                fixFlowSeqItems(fc);
	                const sep = fc.end.splice(1, fc.end.length);
	                sep.push(this.sourceToken);
	                const map = {
	                    type: 'block-map',
	                    offset: fc.offset,
	                    indent: fc.indent,
	                    items: [{ start, key: fc, sep }]
	                };
	                this.onKeyLine = true;
	                this.stack[this.stack.length - 1] = map;
	            }
	            else {
	                yield* this.lineEnd(fc);
	            }
	        }
	    }
	    flowScalar(type) {
	        if (this.onNewLine) {
	            let nl = this.source.indexOf('\n') + 1;
	            while (nl !== 0) {
	                this.onNewLine(this.offset + nl);
	                nl = this.source.indexOf('\n', nl) + 1;
	            }
	        }
	        return {
	            type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	    }
	    startBlockValue(parent) {
	        switch (this.type) {
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return this.flowScalar(this.type);
	            case 'block-scalar-header':
	                return {
	                    type: 'block-scalar',
	                    offset: this.offset,
	                    indent: this.indent,
	                    props: [this.sourceToken],
	                    source: ''
	                };
	            case 'flow-map-start':
	            case 'flow-seq-start':
	                return {
	                    type: 'flow-collection',
	                    offset: this.offset,
	                    indent: this.indent,
	                    start: this.sourceToken,
	                    items: [],
	                    end: []
	                };
	            case 'seq-item-ind':
	                return {
	                    type: 'block-seq',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start: [this.sourceToken] }]
	                };
	            case 'explicit-key-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                start.push(this.sourceToken);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, explicitKey: true }]
	                };
	            }
	            case 'map-value-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                };
	            }
	        }
	        return null;
	    }
	    atIndentedComment(start, indent) {
	        if (this.type !== 'comment')
	            return false;
	        if (this.indent <= indent)
	            return false;
	        return start.every(st => st.type === 'newline' || st.type === 'space');
	    }
	    *documentEnd(docEnd) {
	        if (this.type !== 'doc-mode') {
	            if (docEnd.end)
	                docEnd.end.push(this.sourceToken);
	            else
	                docEnd.end = [this.sourceToken];
	            if (this.type === 'newline')
	                yield* this.pop();
	        }
	    }
	    *lineEnd(token) {
	        switch (this.type) {
	            case 'comma':
	            case 'doc-start':
	            case 'doc-end':
	            case 'flow-seq-end':
	            case 'flow-map-end':
	            case 'map-value-ind':
	                yield* this.pop();
	                yield* this.step();
	                break;
	            case 'newline':
	                this.onKeyLine = false;
	            // fallthrough
	            case 'space':
	            case 'comment':
	            default:
	                // all other values are errors
	                if (token.end)
	                    token.end.push(this.sourceToken);
	                else
	                    token.end = [this.sourceToken];
	                if (this.type === 'newline')
	                    yield* this.pop();
	        }
	    }
	}

	parser.Parser = Parser;
	return parser;
}

var publicApi = {};

var hasRequiredPublicApi;

function requirePublicApi () {
	if (hasRequiredPublicApi) return publicApi;
	hasRequiredPublicApi = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var errors = requireErrors();
	var log = requireLog();
	var identity = requireIdentity();
	var lineCounter = requireLineCounter();
	var parser = requireParser();

	function parseOptions(options) {
	    const prettyErrors = options.prettyErrors !== false;
	    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
	    return { lineCounter: lineCounter$1, prettyErrors };
	}
	/**
	 * Parse the input as a stream of YAML documents.
	 *
	 * Documents should be separated from each other by `...` or `---` marker lines.
	 *
	 * @returns If an empty `docs` array is returned, it will be of type
	 *   EmptyStream and contain additional stream information. In
	 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
	 */
	function parseAllDocuments(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
	    if (prettyErrors && lineCounter)
	        for (const doc of docs) {
	            doc.errors.forEach(errors.prettifyError(source, lineCounter));
	            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	        }
	    if (docs.length > 0)
	        return docs;
	    return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    // `doc` is always set by compose.end(true) at the very latest
	    let doc = null;
	    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
	        if (!doc)
	            doc = _doc;
	        else if (doc.options.logLevel !== 'silent') {
	            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
	            break;
	        }
	    }
	    if (prettyErrors && lineCounter) {
	        doc.errors.forEach(errors.prettifyError(source, lineCounter));
	        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	    }
	    return doc;
	}
	function parse(src, reviver, options) {
	    let _reviver = undefined;
	    if (typeof reviver === 'function') {
	        _reviver = reviver;
	    }
	    else if (options === undefined && reviver && typeof reviver === 'object') {
	        options = reviver;
	    }
	    const doc = parseDocument(src, options);
	    if (!doc)
	        return null;
	    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
	    if (doc.errors.length > 0) {
	        if (doc.options.logLevel !== 'silent')
	            throw doc.errors[0];
	        else
	            doc.errors = [];
	    }
	    return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
	    let _replacer = null;
	    if (typeof replacer === 'function' || Array.isArray(replacer)) {
	        _replacer = replacer;
	    }
	    else if (options === undefined && replacer) {
	        options = replacer;
	    }
	    if (typeof options === 'string')
	        options = options.length;
	    if (typeof options === 'number') {
	        const indent = Math.round(options);
	        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
	    }
	    if (value === undefined) {
	        const { keepUndefined } = options ?? replacer ?? {};
	        if (!keepUndefined)
	            return undefined;
	    }
	    if (identity.isDocument(value) && !_replacer)
	        return value.toString(options);
	    return new Document.Document(value, _replacer, options).toString(options);
	}

	publicApi.parse = parse;
	publicApi.parseAllDocuments = parseAllDocuments;
	publicApi.parseDocument = parseDocument;
	publicApi.stringify = stringify;
	return publicApi;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var Schema = requireSchema();
	var errors = requireErrors();
	var Alias = requireAlias();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var cst = requireCst();
	var lexer = requireLexer();
	var lineCounter = requireLineCounter();
	var parser = requireParser();
	var publicApi = requirePublicApi();
	var visit = requireVisit();



	dist.Composer = composer.Composer;
	dist.Document = Document.Document;
	dist.Schema = Schema.Schema;
	dist.YAMLError = errors.YAMLError;
	dist.YAMLParseError = errors.YAMLParseError;
	dist.YAMLWarning = errors.YAMLWarning;
	dist.Alias = Alias.Alias;
	dist.isAlias = identity.isAlias;
	dist.isCollection = identity.isCollection;
	dist.isDocument = identity.isDocument;
	dist.isMap = identity.isMap;
	dist.isNode = identity.isNode;
	dist.isPair = identity.isPair;
	dist.isScalar = identity.isScalar;
	dist.isSeq = identity.isSeq;
	dist.Pair = Pair.Pair;
	dist.Scalar = Scalar.Scalar;
	dist.YAMLMap = YAMLMap.YAMLMap;
	dist.YAMLSeq = YAMLSeq.YAMLSeq;
	dist.CST = cst;
	dist.Lexer = lexer.Lexer;
	dist.LineCounter = lineCounter.LineCounter;
	dist.Parser = parser.Parser;
	dist.parse = publicApi.parse;
	dist.parseAllDocuments = publicApi.parseAllDocuments;
	dist.parseDocument = publicApi.parseDocument;
	dist.stringify = publicApi.stringify;
	dist.visit = visit.visit;
	dist.visitAsync = visit.visitAsync;
	return dist;
}

var distExports = requireDist();

// Shared shapes of the pipeline: discover -> parse -> catalog -> rules -> report.
// Plain data only; every stage returns values of these types.
/** Every supported migration framework; the one list (config, CLI and Action validate against it). */
const FRAMEWORK_NAMES = [
    'sql',
    'prisma',
    'golang-migrate',
    'flyway',
    'dbmate',
    'goose',
    'sqitch',
    'supabase',
    'drizzle',
];
/** PostgreSQL table-level lock modes, weakest first. */
const LOCK_MODES = [
    'ACCESS SHARE',
    'ROW SHARE',
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
];

// "Did you mean ...?" for misspelt keys, rule ids and values.
/** The closest candidate to a misspelt word, when one is close enough to be what was meant. */
function suggest(word, candidates) {
    const w = normalize(word);
    if (w.length === 0)
        return undefined;
    let best;
    for (const candidate of [...candidates].sort()) {
        const c = normalize(candidate);
        let distance = editDistance(w, c);
        if (w.length >= 3 && (c.startsWith(w) || w.startsWith(c)))
            distance = Math.min(distance, 1);
        if (!best || distance < best.distance)
            best = { candidate, distance };
    }
    if (!best || best.candidate === word)
        return undefined;
    return best.distance <= Math.max(2, Math.floor(w.length / 3)) ? best.candidate : undefined;
}
function normalize(s) {
    return s
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .toLowerCase()
        .replace(/[_\s]+/g, '-');
}
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        const row = d[i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            const prev = d[i - 1];
            let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                v = Math.min(v, d[i - 2][j - 2] + 1);
            }
            row[j] = v;
        }
    }
    return d[a.length][b.length];
}

// Validates the text of a configuration file into a Config. Every problem is collected and thrown as
// one ConfigError, a line each: `<file>:<line>: <key>: <what is wrong>; <what to do>`.
const CONFIG_KEYS = [
    'paths',
    'framework',
    'postgres-version',
    'fail-on',
    'rules',
    'disable',
    'placeholders',
    'max-file-size',
];
const FRAMEWORKS = FRAMEWORK_NAMES;
const SEVERITIES = ['error', 'warning', 'notice', 'off'];
const UNITS = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
};
const DOCS = 'see docs/configuration.md';
/** One problem as the user sees it. */
function formatConfigError(file, line, key, problem, advice) {
    return `${file}:${line}: ${key}: ${problem}; ${advice}`;
}
/** Validates the text of a configuration file; `file` is the name used in messages. */
function parseConfig(text, file, knownRules) {
    const lineCounter = new distExports.LineCounter();
    const doc = distExports.parseDocument(text, { lineCounter, prettyErrors: false });
    const lineOf = (offset) => lineCounter.linePos(offset).line;
    const syntax = doc.errors[0];
    if (syntax) {
        const line = lineOf(syntax.pos[0]);
        if (syntax.code === 'DUPLICATE_KEY') {
            const key = /^[^:\n]*/
                .exec(text.slice(syntax.pos[0]))?.[0]
                .trim()
                .replace(/^["']|["']$/g, '') ?? '';
            throw new ConfigError(formatConfigError(file, line, key, 'duplicate key', 'keep only one of the two'));
        }
        if (syntax.code === 'MULTIPLE_DOCS') {
            throw new ConfigError(`${file}:${line}: invalid YAML: a second document starts here (---); keep a single document`);
        }
        const { col } = lineCounter.linePos(syntax.pos[0]);
        const what = syntax.message.split('\n')[0]?.replace(/\.$/, '') ?? 'syntax error';
        throw new ConfigError(`${file}:${line}: invalid YAML: ${what} (column ${col}); fix the syntax, ${DOCS}`);
    }
    const config = defaults(file);
    if (doc.contents === null || (distExports.isScalar(doc.contents) && doc.contents.value === null))
        return config;
    const checker = new Checker(file, doc, lineOf, knownRules);
    if (!distExports.isMap(doc.contents)) {
        checker.fail(doc.contents, 'configuration', `expected a mapping of settings, got ${checker.show(doc.contents)}`, DOCS);
    }
    else {
        checker.top(doc.contents, config);
    }
    if (checker.problems.length > 0)
        throw new ConfigError(checker.problems.join('\n'));
    return config;
}
class Checker {
    file;
    doc;
    lineOf;
    knownRules;
    problems = [];
    constructor(file, doc, lineOf, knownRules) {
        this.file = file;
        this.doc = doc;
        this.lineOf = lineOf;
        this.knownRules = knownRules;
    }
    top(map, config) {
        let disabled;
        for (const pair of map.items) {
            const key = this.keyName(pair.key);
            const value = this.resolve(pair.value);
            const at = distExports.isScalar(value) && value.value === null ? pair.key : value;
            switch (key) {
                case 'paths':
                    config.paths = this.strings(at, value, 'paths', 'a glob or a list of globs', "write globs such as 'db/migrations/*.sql'");
                    break;
                case 'framework': {
                    const name = this.choice(at, value, 'framework', FRAMEWORKS);
                    if (name)
                        config.framework = name;
                    break;
                }
                case 'postgres-version':
                    config.postgresVersion = this.version(at, value) ?? config.postgresVersion;
                    break;
                case 'fail-on':
                    config.failOn = this.choice(at, value, 'fail-on', FAIL_ON) ?? config.failOn;
                    break;
                case 'rules':
                    config.rules = this.rules(at, value);
                    break;
                case 'disable': {
                    const ids = this.strings(at, value, 'disable', 'a list of rule ids', 'write disable: [rule-id, ...]');
                    disabled = {
                        ids: ids.filter((id, i) => this.ruleId(seqItem(value, i) ?? at, 'disable', id)),
                        node: at,
                    };
                    break;
                }
                case 'placeholders':
                    config.placeholders = this.placeholders(at, value);
                    break;
                case 'max-file-size':
                    config.maxFileBytes = this.size(at, value) ?? config.maxFileBytes;
                    break;
                default: {
                    const hint = suggest(key, CONFIG_KEYS);
                    this.fail(pair.key, key, 'unknown key', hint ? `did you mean ${hint}?` : `accepted keys are ${CONFIG_KEYS.join(', ')}`);
                }
            }
        }
        for (const id of disabled?.ids ?? []) {
            const severity = config.rules[id]?.severity;
            if (severity !== undefined && severity !== 'off') {
                this.fail(disabled?.node, `disable.${id}`, `also set to ${severity} under rules`, 'keep only one of the two');
            }
            config.rules[id] = { ...config.rules[id], severity: 'off' };
        }
    }
    rules(at, value) {
        const out = new Map();
        if (!distExports.isMap(value)) {
            this.fail(at, 'rules', `expected a mapping of rule ids, got ${this.show(value)}`, 'write rules: { rule-id: warning }');
            return {};
        }
        for (const pair of value.items) {
            const id = this.keyName(pair.key);
            const key = `rules.${id}`;
            if (!this.ruleId(pair.key, 'rules', id))
                continue;
            const v = this.resolve(pair.value);
            const vAt = distExports.isScalar(v) && v.value === null ? pair.key : v;
            const severityAdvice = `use one of ${SEVERITIES.join(', ')}, or { severity, options }`;
            if (distExports.isMap(v)) {
                const rule = {};
                for (const inner of v.items) {
                    const name = this.keyName(inner.key);
                    const iv = this.resolve(inner.value);
                    const ivAt = distExports.isScalar(iv) && iv.value === null ? inner.key : iv;
                    if (name === 'severity') {
                        const severity = this.choice(ivAt, iv, `${key}.severity`, SEVERITIES);
                        if (severity)
                            rule.severity = severity;
                    }
                    else if (name === 'options') {
                        if (distExports.isMap(iv))
                            rule.options = iv.toJS(this.doc);
                        else
                            this.fail(ivAt, `${key}.options`, `expected a mapping, got ${this.show(iv)}`, 'write options: { name: value }');
                    }
                    else {
                        const hint = suggest(name, ['severity', 'options']);
                        this.fail(inner.key, `${key}.${name}`, 'unknown key', hint ? `did you mean ${hint}?` : 'use severity or options');
                    }
                }
                out.set(id, rule);
            }
            else {
                const severity = this.choice(vAt, v, key, SEVERITIES, severityAdvice);
                if (severity)
                    out.set(id, { severity });
            }
        }
        return Object.fromEntries(out);
    }
    placeholders(at, value) {
        const out = new Map();
        if (!distExports.isMap(value)) {
            this.fail(at, 'placeholders', `expected a mapping of names to values, got ${this.show(value)}`, 'write placeholders: { schema: app }');
            return {};
        }
        for (const pair of value.items) {
            const name = this.keyName(pair.key);
            const v = this.resolve(pair.value);
            if (distExports.isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number')) {
                // Numbers keep their written form: 1.0 stays "1.0", 0x1F stays "0x1F".
                out.set(name, typeof v.value === 'number' ? (v.source ?? String(v.value)) : v.value);
            }
            else {
                const vAt = distExports.isScalar(v) && v.value === null ? pair.key : v;
                this.fail(vAt, `placeholders.${name}`, `expected a string or a number, got ${this.show(v)}`, `quote the value, as in ${name}: 'text'`);
            }
        }
        return Object.fromEntries(out);
    }
    version(at, value) {
        const advice = 'write a PostgreSQL major version from 10 to 18, such as 16';
        if (!distExports.isScalar(value) || typeof value.value !== 'number') {
            this.fail(at, 'postgres-version', `expected a number, got ${this.show(value)}`, advice);
            return undefined;
        }
        const v = value.value;
        if (!Number.isInteger(v))
            this.fail(at, 'postgres-version', `${this.show(value)} is not a major version`, advice);
        else if (v < 10 || v > 18)
            this.fail(at, 'postgres-version', `${v} is not supported`, advice);
        else
            return v;
        return undefined;
    }
    size(at, value) {
        const advice = "write a number of bytes, such as 5242880, or a size such as '5MB' or '512KiB'";
        if (!distExports.isScalar(value) || (typeof value.value !== 'number' && typeof value.value !== 'string')) {
            this.fail(at, 'max-file-size', `expected a size, got ${this.show(value)}`, advice);
            return undefined;
        }
        let bytes;
        if (typeof value.value === 'number') {
            bytes = value.value;
        }
        else {
            const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)?\s*$/i.exec(value.value);
            const unit = UNITS[(m?.[2] ?? 'b').toLowerCase()];
            if (!m || unit === undefined) {
                this.fail(at, 'max-file-size', `${this.show(value)} is not a size`, `${advice} (units: B, KB, MB, GB, KiB, MiB, GiB)`);
                return undefined;
            }
            bytes = Math.floor(Number(m[1]) * unit);
        }
        if (!Number.isSafeInteger(bytes) || bytes < 1) {
            this.fail(at, 'max-file-size', `${this.show(value)} is not a positive whole number of bytes`, advice);
            return undefined;
        }
        return bytes;
    }
    strings(at, value, key, expected, advice) {
        if (distExports.isScalar(value) && typeof value.value === 'string' && value.value !== '')
            return [value.value];
        if (!distExports.isSeq(value)) {
            this.fail(at, key, `expected ${expected}, got ${this.show(value)}`, advice);
            return [];
        }
        const out = [];
        value.items.forEach((raw, i) => {
            const item = this.resolve(raw);
            if (distExports.isScalar(item) && typeof item.value === 'string' && item.value !== '')
                out.push(item.value);
            else {
                this.fail(item ?? at, `${key}[${i}]`, `expected a non-empty string, got ${this.show(item)}`, advice);
                out.push('');
            }
        });
        return out;
    }
    choice(at, value, key, allowed, advice) {
        const list = advice ?? `use one of ${allowed.join(', ')}`;
        if (!distExports.isScalar(value) || typeof value.value !== 'string') {
            const shown = this.show(value);
            this.fail(at, key, shown === 'nothing' ? 'no value given' : `${shown} is not a valid value`, list);
            return undefined;
        }
        const v = value.value;
        if (allowed.includes(v))
            return v;
        const hint = suggest(v, allowed);
        this.fail(at, key, `'${v}' is not a valid value`, hint ? `did you mean ${hint}?` : list);
        return undefined;
    }
    /** False (after reporting) when `id` is not a known rule; empty ids were reported already. */
    ruleId(at, key, id) {
        if (id === '')
            return false;
        if (this.knownRules.includes(id))
            return true;
        const hint = suggest(id, this.knownRules);
        this.fail(at, `${key}.${id}`, 'unknown rule', hint ? `did you mean ${hint}?` : 'see docs/rules/ for the rule ids');
        return false;
    }
    fail(at, key, problem, advice) {
        this.problems.push(formatConfigError(this.file, this.line(at), key, problem, advice));
    }
    line(node) {
        const range = node?.range;
        return range ? this.lineOf(range[0]) : 1;
    }
    keyName(key) {
        const k = this.resolve(key);
        if (distExports.isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number'))
            return String(k.value);
        return String(k ?? '');
    }
    resolve(node) {
        return distExports.isAlias(node) ? node.resolve(this.doc) : node;
    }
    show(node) {
        const n = this.resolve(node);
        if (distExports.isMap(n))
            return 'a mapping';
        if (distExports.isSeq(n))
            return 'a list';
        if (!distExports.isScalar(n) || n.value === null || n.value === undefined)
            return 'nothing';
        const v = n.value;
        if (typeof v === 'string')
            return `'${v}'`;
        if (typeof v === 'number')
            return n.source ?? String(v);
        if (typeof v === 'boolean')
            return String(v);
        return 'a value of another type';
    }
}
function seqItem(value, i) {
    return distExports.isSeq(value) ? value.items[i] : undefined;
}
function defaults(source) {
    return { ...DEFAULT_CONFIG, paths: [], rules: {}, placeholders: {}, source };
}

// Reads `.github/expand-contract.yml` (or the file the user names) into a validated Config.
// Every problem becomes a ConfigError: `<file>:<line>: <key>: <what is wrong>; <what to do>`.
/** Looked up in this order when no path is given. */
const DEFAULT_CONFIG_FILES = ['.github/expand-contract.yml', '.github/expand-contract.yaml'];
async function loadConfig(options) {
    const found = options.path !== undefined ? await readNamed(options.path, options.cwd) : await readDefault(options.cwd);
    if (!found)
        return defaults(null);
    return parseConfig(found.text, found.display, options.knownRules);
}
async function readNamed(path, cwd) {
    const full = isAbsolute(path) ? path : join(cwd, path);
    const shown = display(full, cwd);
    return { text: (await readText(full, shown, true)) ?? '', display: shown };
}
async function readDefault(cwd) {
    const found = [];
    for (const name of DEFAULT_CONFIG_FILES) {
        const text = await readText(join(cwd, name), name, false);
        if (text !== undefined)
            found.push({ text, display: name });
    }
    if (found.length > 1) {
        throw new ConfigError(`${DEFAULT_CONFIG_FILES.join(' and ')} both exist; keep one of them and delete the other`);
    }
    return found[0];
}
async function readText(full, shown, required) {
    let bytes;
    try {
        bytes = await readFile(full);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' && !required)
            return undefined;
        if (code === 'ENOENT')
            throw new ConfigError(`${shown}: no such file; check the configuration path, or leave it out to use the defaults`);
        if (code === 'EISDIR')
            throw new ConfigError(`${shown}: is a folder; name the configuration file itself`);
        throw new ConfigError(`${shown}: cannot be read (${code ?? String(error)}); check the file's permissions`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        const lossy = bytes.toString('utf8');
        const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
        throw new ConfigError(formatConfigError(shown, line, 'encoding', 'not valid UTF-8', 'save the file as UTF-8'));
    }
}
function display(full, cwd) {
    const rel = relative(cwd, full);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
        return full;
    return rel.split(sep).join('/');
}

// Small readers over libpg-query nodes, shared by the catalog and the rules.
const DEFAULT_SCHEMA = 'public';
function qualify(name, schema) {
    const s = schema || DEFAULT_SCHEMA;
    return { schema: s, name, key: `${s}.${name}` };
}
/** `RangeVar` -> qualified name. */
function rangeVarName(rv) {
    const r = (rv ?? {});
    return qualify(r.relname ?? '', r.schemaname);
}
/** A list of `String` nodes -> strings (`["public","users"]`). */
function strings(list) {
    if (!Array.isArray(list))
        return [];
    return list.map((n) => {
        const node = n;
        if (node.String)
            return node.String.sval ?? '';
        if (node.A_Star)
            return '*';
        return '';
    });
}
/** A dotted name list (`schema.name` or `name`) -> qualified name. */
function listName(list) {
    // Some statements wrap the name list in a `List` node (`ALTER TYPE ... RENAME`).
    const items = list?.List?.items ?? list;
    const parts = strings(items);
    if (parts.length >= 2)
        return qualify(parts[parts.length - 1], parts[parts.length - 2]);
    return qualify(parts[0] ?? '');
}
/** The single key of a node (`{ AlterTableStmt: {...} }` -> `AlterTableStmt`) and its body. */
function unwrap(node) {
    const n = (node ?? {});
    const key = Object.keys(n)[0] ?? '';
    return [key, (n[key] ?? {})];
}
// The parser already maps char(n)/character(n) to bpchar; a quoted "char" is the one-byte type.
const ALIASES = {
    int: 'int4',
    integer: 'int4',
    smallint: 'int2',
    bigint: 'int8',
    serial: 'serial4',
    bigserial: 'serial8',
    smallserial: 'serial2',
    real: 'float4',
    float: 'float8',
    'double precision': 'float8',
    decimal: 'numeric',
    boolean: 'bool',
    'character varying': 'varchar',
    timestamp: 'timestamp',
    'timestamp without time zone': 'timestamp',
    'timestamp with time zone': 'timestamptz',
    time: 'time',
    'time with time zone': 'timetz',
    'bit varying': 'varbit',
};
const DISPLAY = {
    int2: 'smallint',
    int4: 'integer',
    int8: 'bigint',
    float4: 'real',
    float8: 'double precision',
    bool: 'boolean',
    bpchar: 'character',
    serial4: 'serial',
    serial8: 'bigserial',
    serial2: 'smallserial',
};
/** `TypeName` node -> canonical reference. */
function typeRef(typeName) {
    const t = (typeName ?? {});
    const parts = strings(t.names);
    let schema = parts.length > 1 ? parts[0] : null;
    // The parser folds unquoted names to lower case already; a quoted name keeps its case.
    let name = parts[parts.length - 1] ?? '';
    if (schema === 'pg_catalog')
        schema = null;
    name = ALIASES[name] ?? name;
    const mods = [];
    for (const m of t.typmods ?? []) {
        const c = m.A_Const;
        if (c)
            mods.push(c.ival?.ival ?? 0);
    }
    const arrayDims = t.arrayBounds?.length ?? 0;
    const base = DISPLAY[name] ?? name;
    const display = `${schema ? `${schema}.` : ''}${base}${mods.length ? `(${mods.join(',')})` : ''}${'[]'.repeat(arrayDims)}`;
    return { name, schema, mods, arrayDims, display };
}
/** Depth-first walk over every object in a node tree. */
function walk(node, visit) {
    if (Array.isArray(node)) {
        for (const n of node)
            walk(n, visit);
        return;
    }
    if (!node || typeof node !== 'object')
        return;
    for (const [key, value] of Object.entries(node)) {
        if (value && typeof value === 'object') {
            if (!Array.isArray(value))
                visit(key, value);
            walk(value, visit);
        }
    }
}

// Readers for default expressions: a short SQL rendering and whether the value is volatile.
/** Renders common default expressions as SQL; anything else as `(expression)`. */
function deparseExpr(expr) {
    const [kind, n] = Object.entries((expr ?? {}))[0] ?? ['', {}];
    const node = n;
    switch (kind) {
        case 'A_Const': {
            if (node.isnull)
                return 'NULL';
            if (node.sval)
                return `'${String(node.sval.sval ?? '').replace(/'/g, "''")}'`;
            if (node.ival)
                return String(node.ival.ival ?? 0);
            if (node.fval)
                return String(node.fval.fval);
            if (node.boolval)
                return node.boolval.boolval ? 'true' : 'false';
            return '(expression)';
        }
        case 'TypeCast':
            return `${deparseExpr(node.arg)}::${typeRef(node.typeName).display}`;
        case 'FuncCall':
            return `${strings(node.funcname).join('.')}(${(node.args ?? []).map(deparseExpr).join(', ')})`;
        case 'ColumnRef':
            return strings(node.fields).join('.');
        case 'SQLValueFunction':
            return SQL_VALUE_FUNCTIONS[node.op] ?? '(expression)';
        case 'A_Expr': {
            const op = strings(node.name).join('');
            return `${deparseExpr(node.lexpr)} ${op} ${deparseExpr(node.rexpr)}`;
        }
        default:
            return '(expression)';
    }
}
const SQL_VALUE_FUNCTIONS = {
    SVFOP_CURRENT_DATE: 'CURRENT_DATE',
    SVFOP_CURRENT_TIME: 'CURRENT_TIME',
    SVFOP_CURRENT_TIME_N: 'CURRENT_TIME',
    SVFOP_CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
    SVFOP_CURRENT_TIMESTAMP_N: 'CURRENT_TIMESTAMP',
    SVFOP_LOCALTIME: 'LOCALTIME',
    SVFOP_LOCALTIME_N: 'LOCALTIME',
    SVFOP_LOCALTIMESTAMP: 'LOCALTIMESTAMP',
    SVFOP_LOCALTIMESTAMP_N: 'LOCALTIMESTAMP',
    SVFOP_CURRENT_ROLE: 'CURRENT_ROLE',
    SVFOP_CURRENT_USER: 'CURRENT_USER',
    SVFOP_USER: 'USER',
    SVFOP_SESSION_USER: 'SESSION_USER',
    SVFOP_CURRENT_CATALOG: 'CURRENT_CATALOG',
    SVFOP_CURRENT_SCHEMA: 'CURRENT_SCHEMA',
};
/**
 * Functions that PostgreSQL evaluates once per statement (stable) or per transaction: a default
 * that calls only these is stored once, without a table rewrite, on PostgreSQL 11 and later.
 */
const NON_VOLATILE_FUNCTIONS = new Set([
    'now',
    'transaction_timestamp',
    'current_timestamp',
    'statement_timestamp',
    'current_date',
    'localtimestamp',
    'current_user',
    'session_user',
    'current_schema',
    'lower',
    'upper',
    'coalesce',
    'jsonb_build_object',
    'json_build_object',
    'jsonb_build_array',
    'json_build_array',
    'array',
    'to_jsonb',
    'to_json',
    'make_interval',
    'concat',
    'length',
    'abs',
    'greatest',
    'least',
    'date_trunc',
    'timezone',
    'make_date',
    'make_timestamp',
    'make_timestamptz',
]);
/**
 * True when a default expression is volatile (evaluated per row: `random()`, `gen_random_uuid()`,
 * `clock_timestamp()`, `nextval(...)`, or any function not known to be stable or immutable).
 */
function isVolatileExpr(expr) {
    let volatile = false;
    const visit = (n) => {
        if (volatile || !n || typeof n !== 'object')
            return;
        if (Array.isArray(n))
            return n.forEach(visit);
        for (const [k, v] of Object.entries(n)) {
            if (k === 'FuncCall') {
                const name = strings(v.funcname)
                    .pop()
                    ?.toLowerCase() ?? '';
                if (!NON_VOLATILE_FUNCTIONS.has(name)) {
                    volatile = true;
                    return;
                }
            }
            if (k === 'SubLink') {
                volatile = true;
                return;
            }
            visit(v);
        }
    };
    visit(expr);
    return volatile;
}

/** Release number of objects that existed before any migration we read (or that we never saw). */
const BEFORE = -1;

// A schema model built by reading DDL statements in order, without a database.
// Each object remembers the release that created it, so rules can tell new objects from old ones.
class StaticCatalog {
    release = BEFORE;
    relations = new Map();
    indexes = new Map();
    types = new Map();
    sequences = new Map();
    schemas = new Map([['public', BEFORE]]);
    /** Starts a new release: objects created from now on are "new". */
    beginRelease(release) {
        this.release = release;
    }
    relation(name) {
        return this.relations.get(name.key);
    }
    column(table, column) {
        return this.relations.get(table.key)?.columns.get(column);
    }
    index(name) {
        return this.indexes.get(name.key);
    }
    type(name) {
        return this.types.get(name.key);
    }
    sequence(name) {
        return this.sequences.get(name.key);
    }
    schemaExists(name) {
        return this.schemas.has(name);
    }
    isNewRelation(name) {
        return this.relations.get(name.key)?.origin === this.release;
    }
    isNewColumn(table, column) {
        const rel = this.relations.get(table.key);
        if (!rel)
            return false;
        return rel.origin === this.release || rel.columns.get(column)?.origin === this.release;
    }
    isNewIndex(name) {
        const idx = this.indexes.get(name.key);
        if (!idx)
            return false;
        return idx.origin === this.release || this.relations.get(idx.table)?.origin === this.release;
    }
    isNewType(name) {
        return this.types.get(name.key)?.origin === this.release;
    }
    isNewSequence(name) {
        return this.sequences.get(name.key)?.origin === this.release;
    }
    isNewSchema(name) {
        return this.schemas.get(name) === this.release;
    }
    indexesOn(table) {
        return [...this.indexes.values()].filter((i) => i.table === table.key);
    }
    /** Moves the model past one statement. Unknown statements leave it unchanged. */
    apply(statement) {
        const [kind, n] = unwrap(statement.node);
        switch (kind) {
            case 'CreateStmt':
                return this.createTable(n);
            case 'CreateTableAsStmt':
                return this.createTableAs(n);
            case 'ViewStmt':
                return this.createView(n);
            case 'AlterTableStmt':
                return this.alterTable(n);
            case 'RenameStmt':
                return this.rename(n);
            case 'DropStmt':
                return this.drop(n);
            case 'IndexStmt':
                return this.createIndex(n);
            case 'CreateEnumStmt':
                return this.createType(listName(n.typeName), 'enum', strings(n.vals));
            case 'CreateDomainStmt':
                return this.createType(listName(n.domainname), 'domain', []);
            case 'CompositeTypeStmt':
                return this.createType(rangeVarName(n.typevar), 'composite', []);
            case 'CreateRangeStmt':
                return this.createType(listName(n.typeName), 'range', []);
            case 'AlterEnumStmt':
                return this.alterEnum(n);
            case 'CreateSeqStmt': {
                const name = rangeVarName(n.sequence);
                if (!this.sequences.has(name.key) || !n.if_not_exists)
                    this.sequences.set(name.key, { schema: name.schema, name: name.name, origin: this.release });
                return;
            }
            case 'CreateSchemaStmt': {
                const name = n.schemaname ?? '';
                if (!this.schemas.has(name))
                    this.schemas.set(name, this.release);
                for (const elt of n.schemaElts ?? []) {
                    this.apply({ ...statement, node: elt, kind: unwrap(elt)[0] });
                }
                return;
            }
            case 'AlterObjectSchemaStmt':
                return this.setSchema(n);
            default:
                return;
        }
    }
    createTable(n) {
        const name = rangeVarName(n.relation);
        if (n.if_not_exists && this.relations.has(name.key))
            return;
        const rel = {
            schema: name.schema,
            name: name.name,
            kind: n.partspec ? 'partitioned table' : 'table',
            columns: new Map(),
            constraints: new Map(),
            origin: this.release,
        };
        for (const parent of n.inhRelations ?? []) {
            const p = this.relations.get(rangeVarName(parent.RangeVar).key);
            if (p)
                for (const [k, c] of p.columns)
                    rel.columns.set(k, { ...c, origin: this.release });
            if (n.partbound && p)
                rel.partitionOf = `${p.schema}.${p.name}`;
        }
        this.relations.set(name.key, rel);
        for (const elt of n.tableElts ?? []) {
            const [k, body] = unwrap(elt);
            if (k === 'ColumnDef')
                this.addColumn(rel, body);
            else if (k === 'Constraint')
                this.addConstraint(rel, body);
            else if (k === 'TableLikeClause') {
                const src = this.relations.get(rangeVarName(body.relation).key);
                if (src)
                    for (const [ck, c] of src.columns)
                        rel.columns.set(ck, { ...c, origin: this.release });
            }
        }
    }
    createTableAs(n) {
        const into = (n.into ?? {});
        const name = rangeVarName(into.rel);
        if (n.if_not_exists && this.relations.has(name.key))
            return;
        const kind = n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table';
        this.relations.set(name.key, {
            schema: name.schema,
            name: name.name,
            kind,
            columns: new Map(strings((into.colNames ?? []).map((c) => c)).map((c) => [
                c,
                column(c, this.release),
            ])),
            constraints: new Map(),
            origin: this.release,
        });
    }
    createView(n) {
        const name = rangeVarName(n.view);
        const existing = this.relations.get(name.key);
        // CREATE OR REPLACE VIEW keeps the view's age: running code may read it.
        const origin = existing && n.replace ? existing.origin : this.release;
        const cols = new Map();
        for (const c of strings(n.aliases))
            cols.set(c, column(c, origin));
        const query = n.query?.SelectStmt;
        for (const t of query?.targetList ?? []) {
            const rt = t.ResTarget;
            const nameFromRef = strings(rt?.val?.ColumnRef?.fields).pop();
            const colName = rt?.name ?? nameFromRef;
            if (colName && colName !== '*' && !cols.has(colName))
                cols.set(colName, column(colName, origin));
        }
        this.relations.set(name.key, {
            schema: name.schema,
            name: name.name,
            kind: 'view',
            columns: cols,
            constraints: new Map(),
            origin,
        });
    }
    addColumn(rel, def) {
        const name = def.colname;
        const col = {
            name,
            type: typeRef(def.typeName),
            notNull: Boolean(def.is_not_null),
            default: null,
            generated: null,
            identity: false,
            origin: this.release,
        };
        if (/^serial[248]?$/.test(col.type.name)) {
            col.notNull = true;
            col.default = `nextval('${rel.name}_${name}_seq')`;
        }
        if (def.raw_default)
            col.default = deparseExpr(def.raw_default);
        for (const c of def.constraints ?? []) {
            const con = c.Constraint;
            switch (con.contype) {
                case 'CONSTR_NOTNULL':
                    col.notNull = true;
                    break;
                case 'CONSTR_DEFAULT':
                    col.default = deparseExpr(con.raw_expr);
                    break;
                case 'CONSTR_IDENTITY':
                    col.identity = true;
                    col.notNull = true;
                    break;
                case 'CONSTR_GENERATED':
                    col.generated = con.generated_kind === 'v' ? 'virtual' : 'stored';
                    break;
                case 'CONSTR_PRIMARY':
                    col.notNull = true;
                    this.addConstraint(rel, { ...con, keys: [{ String: { sval: name } }] });
                    break;
                default:
                    this.addConstraint(rel, { ...con, keys: [{ String: { sval: name } }] });
            }
        }
        rel.columns.set(name, col);
    }
    addConstraint(rel, con) {
        const kind = CONSTRAINT_KINDS[con.contype];
        if (!kind)
            return;
        const columns = strings(con.keys ?? con.fk_attrs);
        if (kind === 'primary key') {
            for (const c of columns) {
                const col = rel.columns.get(c);
                if (col)
                    col.notNull = true;
            }
        }
        // PostgreSQL's own naming: users_pkey, users_email_key, users_org_id_fkey, users_age_check.
        const name = con.conname ??
            (kind === 'primary key' ? `${rel.name}_pkey` : [rel.name, ...columns, SUFFIX$1[kind] ?? 'key'].join('_'));
        rel.constraints.set(name, {
            name,
            kind,
            columns,
            validated: !con.skip_validation,
            origin: this.release,
        });
    }
    alterTable(n) {
        const name = rangeVarName(n.relation);
        const rel = this.relations.get(name.key);
        if (n.objtype === 'OBJECT_INDEX')
            return;
        for (const c of n.cmds ?? []) {
            const cmd = c.AlterTableCmd;
            if (!rel)
                continue;
            const col = typeof cmd.name === 'string' ? rel.columns.get(cmd.name) : undefined;
            switch (cmd.subtype) {
                case 'AT_AddColumn': {
                    const def = (cmd.def.ColumnDef ?? {});
                    if (!(cmd.missing_ok && rel.columns.has(def.colname)))
                        this.addColumn(rel, def);
                    break;
                }
                case 'AT_DropColumn':
                    rel.columns.delete(cmd.name);
                    for (const [k, con] of rel.constraints)
                        if (con.columns.includes(cmd.name))
                            rel.constraints.delete(k);
                    break;
                case 'AT_AlterColumnType':
                    if (col)
                        col.type = typeRef(cmd.def.ColumnDef.typeName);
                    break;
                case 'AT_SetNotNull':
                    if (col)
                        col.notNull = true;
                    break;
                case 'AT_DropNotNull':
                    if (col)
                        col.notNull = false;
                    break;
                case 'AT_ColumnDefault':
                    if (col)
                        col.default = cmd.def ? deparseExpr(cmd.def) : null;
                    break;
                case 'AT_AddConstraint':
                    this.addConstraint(rel, (cmd.def.Constraint ?? {}));
                    break;
                case 'AT_DropConstraint':
                    rel.constraints.delete(cmd.name);
                    break;
                case 'AT_ValidateConstraint': {
                    const con = rel.constraints.get(cmd.name);
                    if (con)
                        con.validated = true;
                    break;
                }
                case 'AT_AddIdentity':
                    if (col)
                        col.identity = true;
                    break;
                case 'AT_DropIdentity':
                    if (col)
                        col.identity = false;
                    break;
                case 'AT_DropExpression':
                    if (col)
                        col.generated = null;
                    break;
            }
        }
    }
    rename(n) {
        const newName = n.newname;
        switch (n.renameType) {
            case 'OBJECT_TABLE':
            case 'OBJECT_VIEW':
            case 'OBJECT_MATVIEW':
            case 'OBJECT_FOREIGN_TABLE': {
                const old = rangeVarName(n.relation);
                const rel = this.relations.get(old.key);
                if (!rel)
                    return;
                this.relations.delete(old.key);
                const renamed = { ...rel, name: newName };
                this.relations.set(qualify(newName, old.schema).key, renamed);
                for (const idx of this.indexes.values())
                    if (idx.table === old.key)
                        idx.table = `${old.schema}.${newName}`;
                return;
            }
            case 'OBJECT_COLUMN': {
                const rel = this.relations.get(rangeVarName(n.relation).key);
                const col = rel?.columns.get(n.subname);
                if (!rel || !col)
                    return;
                rel.columns.delete(col.name);
                rel.columns.set(newName, { ...col, name: newName });
                return;
            }
            case 'OBJECT_INDEX': {
                const old = rangeVarName(n.relation);
                const idx = this.indexes.get(old.key);
                if (!idx)
                    return;
                this.indexes.delete(old.key);
                this.indexes.set(qualify(newName, old.schema).key, { ...idx, name: newName });
                return;
            }
            case 'OBJECT_TABCONSTRAINT': {
                const rel = this.relations.get(rangeVarName(n.relation).key);
                const con = rel?.constraints.get(n.subname);
                if (!rel || !con)
                    return;
                rel.constraints.delete(con.name);
                rel.constraints.set(newName, { ...con, name: newName });
                return;
            }
            case 'OBJECT_TYPE': {
                const old = listName(n.object);
                const t = this.types.get(old.key);
                if (!t)
                    return;
                this.types.delete(old.key);
                this.types.set(qualify(newName, old.schema).key, { ...t, name: newName });
                // Columns refer to the type itself, not to its name: they follow the rename.
                for (const rel of this.relations.values()) {
                    for (const col of rel.columns.values()) {
                        if (col.type.name === old.name && (col.type.schema ?? 'public') === old.schema) {
                            col.type = { ...col.type, name: newName, display: col.type.display.replace(old.name, newName) };
                        }
                    }
                }
                return;
            }
            case 'OBJECT_SCHEMA': {
                const old = n.subname;
                const origin = this.schemas.get(old);
                if (origin === undefined)
                    return;
                this.schemas.delete(old);
                this.schemas.set(newName, origin);
                return;
            }
            default:
                return;
        }
    }
    drop(n) {
        const objects = n.objects ?? [];
        for (const o of objects) {
            switch (n.removeType) {
                case 'OBJECT_TABLE':
                case 'OBJECT_VIEW':
                case 'OBJECT_MATVIEW':
                case 'OBJECT_FOREIGN_TABLE': {
                    const name = listName(o.List ? o.List.items : o);
                    this.relations.delete(name.key);
                    for (const [k, idx] of this.indexes)
                        if (idx.table === name.key)
                            this.indexes.delete(k);
                    break;
                }
                case 'OBJECT_INDEX':
                    this.indexes.delete(listName(o.List?.items).key);
                    break;
                case 'OBJECT_SEQUENCE':
                    this.sequences.delete(listName(o.List?.items).key);
                    break;
                case 'OBJECT_TYPE':
                case 'OBJECT_DOMAIN': {
                    const tn = o.TypeName;
                    this.types.delete(listName(tn?.names).key);
                    break;
                }
                case 'OBJECT_SCHEMA': {
                    const s = o.String;
                    const schema = s?.sval ?? '';
                    this.schemas.delete(schema);
                    for (const [k] of this.relations)
                        if (k.startsWith(`${schema}.`))
                            this.relations.delete(k);
                    break;
                }
            }
        }
    }
    createIndex(n) {
        const table = rangeVarName(n.relation);
        const idxName = n.idxname ?? `${table.name}_idx`;
        const name = qualify(idxName, table.schema);
        if (n.if_not_exists && this.indexes.has(name.key))
            return;
        const columns = [];
        for (const p of n.indexParams ?? []) {
            const e = p.IndexElem;
            if (e?.name)
                columns.push(e.name);
        }
        this.indexes.set(name.key, {
            schema: name.schema,
            name: idxName,
            table: table.key,
            unique: Boolean(n.unique),
            columns,
            origin: this.release,
        });
    }
    createType(name, kind, values) {
        this.types.set(name.key, { schema: name.schema, name: name.name, kind, values, origin: this.release });
    }
    alterEnum(n) {
        const t = this.types.get(listName(n.typeName).key);
        if (!t)
            return;
        if (n.oldVal) {
            t.values = t.values.map((v) => (v === n.oldVal ? n.newVal : v));
            return;
        }
        const value = n.newVal;
        if (t.values.includes(value))
            return;
        const neighbor = n.newValNeighbor;
        const at = neighbor ? t.values.indexOf(neighbor) : -1;
        if (at < 0)
            t.values.push(value);
        else
            t.values.splice(n.newValIsAfter ? at + 1 : at, 0, value);
    }
    setSchema(n) {
        const newSchema = n.newschema;
        if (n.objectType === 'OBJECT_TABLE' ||
            n.objectType === 'OBJECT_VIEW' ||
            n.objectType === 'OBJECT_MATVIEW') {
            const old = rangeVarName(n.relation);
            const rel = this.relations.get(old.key);
            if (!rel)
                return;
            this.relations.delete(old.key);
            this.relations.set(qualify(old.name, newSchema).key, { ...rel, schema: newSchema });
        }
    }
}
const CONSTRAINT_KINDS = {
    CONSTR_PRIMARY: 'primary key',
    CONSTR_UNIQUE: 'unique',
    CONSTR_FOREIGN: 'foreign key',
    CONSTR_CHECK: 'check',
    CONSTR_EXCLUSION: 'exclusion',
};
const SUFFIX$1 = {
    'primary key': 'pkey',
    unique: 'key',
    'foreign key': 'fkey',
    check: 'check',
    exclusion: 'excl',
};
function column(name, origin) {
    return {
        name,
        type: { name: 'unknown', schema: null, mods: [], arrayDims: 0, display: 'unknown' },
        notNull: false,
        default: null,
        generated: null,
        identity: false,
        origin,
    };
}

var libpgQuery = {exports: {}};

var hasRequiredLibpgQuery;

function requireLibpgQuery () {
	if (hasRequiredLibpgQuery) return libpgQuery.exports;
	hasRequiredLibpgQuery = 1;
	(function (module, exports) {
		var PgQueryModule=(()=>{var _scriptName=globalThis.document?.currentScript?.src;return async function(moduleArg={}){var Module=moduleArg;var ENVIRONMENT_IS_WEB=!!globalThis.window;var ENVIRONMENT_IS_WORKER=!!globalThis.WorkerGlobalScope;var ENVIRONMENT_IS_NODE=globalThis.process?.versions?.node&&globalThis.process?.type!="renderer";var quit_=(status,toThrow)=>{throw toThrow};if(typeof __filename!="undefined"){_scriptName=__filename;}else if(ENVIRONMENT_IS_WORKER){_scriptName=self.location.href;}var scriptDirectory="";function locateFile(path){if(Module["locateFile"]){return Module["locateFile"](path,scriptDirectory)}return scriptDirectory+path}var readAsync,readBinary;if(ENVIRONMENT_IS_NODE){var fs=require$$0$4;scriptDirectory=__dirname+"/";readBinary=filename=>{filename=isFileURI(filename)?new URL(filename):filename;var ret=fs.readFileSync(filename);return ret};readAsync=async(filename,binary=true)=>{filename=isFileURI(filename)?new URL(filename):filename;var ret=fs.readFileSync(filename,binary?undefined:"utf8");return ret};if(process.argv.length>1){process.argv[1].replace(/\\/g,"/");}process.argv.slice(2);quit_=(status,toThrow)=>{process.exitCode=status;throw toThrow};}else if(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER){try{scriptDirectory=new URL(".",_scriptName).href;}catch{}{if(ENVIRONMENT_IS_WORKER){readBinary=url=>{var xhr=new XMLHttpRequest;xhr.open("GET",url,false);xhr.responseType="arraybuffer";xhr.send(null);return new Uint8Array(xhr.response)};}readAsync=async url=>{var response=await fetch(url,{credentials:"same-origin"});if(response.ok){return response.arrayBuffer()}throw new Error(response.status+" : "+response.url)};}}else;var out=console.log.bind(console);var err=console.error.bind(console);var wasmBinary;var ABORT=false;var EXITSTATUS;var isFileURI=filename=>filename.startsWith("file://");class EmscriptenEH{}class EmscriptenSjLj extends EmscriptenEH{}function getMemoryBuffer(){return wasmMemory.buffer}function updateMemoryViews(){if(HEAP8?.buffer?.resizable)return;var b=getMemoryBuffer();HEAP8=new Int8Array(b);HEAP16=new Int16Array(b);Module["HEAPU8"]=HEAPU8=new Uint8Array(b);new Uint16Array(b);HEAP32=new Int32Array(b);Module["HEAPU32"]=HEAPU32=new Uint32Array(b);HEAPF32=new Float32Array(b);HEAPF64=new Float64Array(b);HEAP64=new BigInt64Array(b);new BigUint64Array(b);}function preRun(){var preRun=Module["preRun"];if(preRun){if(typeof preRun=="function")preRun=[preRun];onPreRuns.push(...preRun);}callRuntimeCallbacks(onPreRuns);}function initRuntime(){if(!Module["noFSInit"]&&!FS.initialized)FS.init();wasmExports["A"]();FS.ignorePermissions=false;}function postRun(){var postRun=Module["postRun"];if(postRun){if(typeof postRun=="function")postRun=[postRun];onPostRuns.push(...postRun);}callRuntimeCallbacks(onPostRuns);}function abort(what){Module["onAbort"]?.(what);what=`Aborted(${what})`;err(what);ABORT=true;what+=". Build with -sASSERTIONS for more info.";var e=new WebAssembly.RuntimeError(what);throw e}var wasmBinaryFile;function findWasmBinary(){return locateFile("libpg-query.wasm")}function getBinarySync(file){if(readBinary){return readBinary(file)}throw "both async and sync fetching of the wasm failed"}async function getWasmBinary(binaryFile){{try{var response=await readAsync(binaryFile);return new Uint8Array(response)}catch{}}return getBinarySync(binaryFile)}async function instantiateArrayBuffer(binaryFile,imports){try{var binary=await getWasmBinary(binaryFile);var instance=await WebAssembly.instantiate(binary,imports);return instance}catch(reason){err(`failed to asynchronously prepare wasm: ${reason}`);abort(reason);}}async function instantiateAsync(binary,binaryFile,imports){if(!ENVIRONMENT_IS_NODE){try{var response=fetch(binaryFile,{credentials:"same-origin"});var instantiationResult=await WebAssembly.instantiateStreaming(response,imports);return instantiationResult}catch(reason){err(`wasm streaming compile failed: ${reason}`);err("falling back to ArrayBuffer instantiation");}}return instantiateArrayBuffer(binaryFile,imports)}function getWasmImports(){var imports={a:wasmImports};return imports}async function createWasm(){function receiveInstance(instance){wasmExports=instance.exports;assignWasmExports(wasmExports);updateMemoryViews();return wasmExports}function receiveInstantiationResult(result){return receiveInstance(result["instance"])}var info=getWasmImports();var instantiateWasm=Module["instantiateWasm"];if(instantiateWasm){return new Promise(resolve=>{instantiateWasm(info,inst=>resolve(receiveInstance(inst)));})}wasmBinaryFile??=findWasmBinary();var result=await instantiateAsync(wasmBinary,wasmBinaryFile,info);var exports=receiveInstantiationResult(result);return exports}class ExitStatus{name="ExitStatus";constructor(status){this.message=`Program terminated with exit(${status})`;this.status=status;}}var HEAP16;var HEAP32;var HEAP64;var HEAP8;var HEAPF32;var HEAPF64;var HEAPU32;var HEAPU8;var callRuntimeCallbacks=callbacks=>{while(callbacks.length>0){callbacks.shift()(Module);}};var onPostRuns=[];var onPreRuns=[];function getValue(ptr,type="i8"){if(type.endsWith("*"))type="*";switch(type){case "i1":return HEAP8[ptr];case "i8":return HEAP8[ptr];case "i16":return HEAP16[ptr>>1];case "i32":return HEAP32[ptr>>2];case "i64":return HEAP64[ptr>>3];case "float":return HEAPF32[ptr>>2];case "double":return HEAPF64[ptr>>3];case "*":return HEAPU32[ptr>>2];default:abort(`invalid type for getValue: ${type}`);}}var noExitRuntime=true;var stackRestore=val=>__emscripten_stack_restore(val);var stackSave=()=>_emscripten_stack_get_current();var UTF8Decoder=globalThis.TextDecoder&&new TextDecoder;var findStringEnd=(heapOrArray,idx,maxBytesToRead,ignoreNul)=>{var maxIdx=idx+maxBytesToRead;if(ignoreNul)return maxIdx;while(heapOrArray[idx]&&!(idx>=maxIdx))++idx;return idx};var UTF8ArrayToString=(heapOrArray,idx=0,maxBytesToRead,ignoreNul)=>{var endPtr=findStringEnd(heapOrArray,idx,maxBytesToRead,ignoreNul);if(endPtr-idx>16&&heapOrArray.buffer&&UTF8Decoder){return UTF8Decoder.decode(heapOrArray.subarray(idx,endPtr))}var str="";while(idx<endPtr){var u0=heapOrArray[idx++];if(!(u0&128)){str+=String.fromCharCode(u0);continue}var u1=heapOrArray[idx++]&63;if((u0&224)==192){str+=String.fromCharCode((u0&31)<<6|u1);continue}var u2=heapOrArray[idx++]&63;if((u0&240)==224){u0=(u0&15)<<12|u1<<6|u2;}else {u0=(u0&7)<<18|u1<<12|u2<<6|heapOrArray[idx++]&63;}if(u0<65536){str+=String.fromCharCode(u0);}else {var ch=u0-65536;str+=String.fromCharCode(55296|ch>>10,56320|ch&1023);}}return str};var UTF8ToString=(ptr,maxBytesToRead,ignoreNul)=>ptr?UTF8ArrayToString(HEAPU8,ptr,maxBytesToRead,ignoreNul):"";var ___assert_fail=(condition,filename,line,func)=>abort(`Assertion failed: ${UTF8ToString(condition)}, at: `+[filename?UTF8ToString(filename):"unknown filename",line,func?UTF8ToString(func):"unknown function"]);var __abort_js=()=>abort("");var runtimeKeepaliveCounter=0;var __emscripten_runtime_keepalive_clear=()=>{noExitRuntime=false;runtimeKeepaliveCounter=0;};var __emscripten_throw_longjmp=()=>{throw new EmscriptenSjLj};var timers={};var handleException=e=>{if(e instanceof ExitStatus||e=="unwind"){return EXITSTATUS}quit_(1,e);};var keepRuntimeAlive=()=>noExitRuntime||runtimeKeepaliveCounter>0;var _proc_exit=code=>{EXITSTATUS=code;if(!keepRuntimeAlive()){Module["onExit"]?.(code);ABORT=true;}quit_(code,new ExitStatus(code));};var exitJS=(status,implicit)=>{EXITSTATUS=status;_proc_exit(status);};var _exit=exitJS;var maybeExit=()=>{if(!keepRuntimeAlive()){try{_exit(EXITSTATUS);}catch(e){handleException(e);}}};var callUserCallback=func=>{if(ABORT){return}try{return func()}catch(e){handleException(e);}finally{maybeExit();}};var _emscripten_get_now=()=>performance.now();var __setitimer_js=(which,timeout_ms)=>{if(timers[which]){clearTimeout(timers[which].id);delete timers[which];}if(!timeout_ms)return 0;var id=setTimeout(()=>{delete timers[which];callUserCallback(()=>__emscripten_timeout(which,_emscripten_get_now()));},timeout_ms);timers[which]={id,timeout_ms};return 0};var getHeapMax=()=>1073741824;var alignMemory=(size,alignment)=>Math.ceil(size/alignment)*alignment;var growMemory=size=>{var oldHeapSize=wasmMemory.buffer.byteLength;var pages=(size-oldHeapSize+65535)/65536|0;try{wasmMemory.grow(pages);updateMemoryViews();return 1}catch(e){}};var _emscripten_resize_heap=requestedSize=>{var oldSize=HEAPU8.length;requestedSize>>>=0;var maxHeapSize=getHeapMax();if(requestedSize>maxHeapSize){return false}for(var cutDown=1;cutDown<=4;cutDown*=2){var overGrownHeapSize=oldSize*(1+.2/cutDown);overGrownHeapSize=Math.min(overGrownHeapSize,requestedSize+100663296);var newSize=Math.min(maxHeapSize,alignMemory(Math.max(requestedSize,overGrownHeapSize),65536));var replacement=growMemory(newSize);if(replacement){return true}}return false};var PATH={isAbs:path=>path.charAt(0)==="/",splitPath:filename=>{var splitPathRe=/^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/;return splitPathRe.exec(filename).slice(1)},normalizeArray:(parts,allowAboveRoot)=>{var up=0;for(var i=parts.length-1;i>=0;i--){var last=parts[i];if(last==="."){parts.splice(i,1);}else if(last===".."){parts.splice(i,1);up++;}else if(up){parts.splice(i,1);up--;}}if(allowAboveRoot){for(;up;up--){parts.unshift("..");}}return parts},normalize:path=>{var isAbsolute=PATH.isAbs(path),trailingSlash=path.slice(-1)==="/";path=PATH.normalizeArray(path.split("/").filter(p=>!!p),!isAbsolute).join("/");if(!path&&!isAbsolute){path=".";}if(path&&trailingSlash){path+="/";}return (isAbsolute?"/":"")+path},dirname:path=>{var result=PATH.splitPath(path),root=result[0],dir=result[1];if(!root&&!dir){return "."}if(dir){dir=dir.slice(0,-1);}return root+dir},basename:path=>path&&path.match(/([^\/]+|\/)\/*$/)[1],join:(...paths)=>PATH.normalize(paths.join("/")),join2:(l,r)=>PATH.normalize(l+"/"+r)};var initRandomFill=()=>{if(ENVIRONMENT_IS_NODE){var nodeCrypto=require$$1$2;return view=>(nodeCrypto.randomFillSync(view),0)}return view=>(crypto.getRandomValues(view),0)};var randomFill=view=>(randomFill=initRandomFill())(view);var PATH_FS={resolve:(...args)=>{var resolvedPath="",resolvedAbsolute=false;for(var i=args.length-1;i>=-1&&!resolvedAbsolute;i--){var path=i>=0?args[i]:FS.cwd();if(typeof path!="string"){throw new TypeError("Arguments to path.resolve must be strings")}else if(!path){return ""}resolvedPath=path+"/"+resolvedPath;resolvedAbsolute=PATH.isAbs(path);}resolvedPath=PATH.normalizeArray(resolvedPath.split("/").filter(p=>!!p),!resolvedAbsolute).join("/");return (resolvedAbsolute?"/":"")+resolvedPath||"."},relative:(from,to)=>{from=PATH_FS.resolve(from).slice(1);to=PATH_FS.resolve(to).slice(1);function trim(arr){var start=0;for(;start<arr.length;start++){if(arr[start]!=="")break}var end=arr.length-1;for(;end>=0;end--){if(arr[end]!=="")break}if(start>end)return [];return arr.slice(start,end-start+1)}var fromParts=trim(from.split("/"));var toParts=trim(to.split("/"));var length=Math.min(fromParts.length,toParts.length);var samePartsLength=length;for(var i=0;i<length;i++){if(fromParts[i]!==toParts[i]){samePartsLength=i;break}}var outputParts=[];for(var i=samePartsLength;i<fromParts.length;i++){outputParts.push("..");}outputParts=outputParts.concat(toParts.slice(samePartsLength));return outputParts.join("/")}};var FS_stdin_getChar_buffer=[];var lengthBytesUTF8=str=>{var len=0;for(var i=0;i<str.length;++i){var c=str.charCodeAt(i);if(c<=127){len++;}else if(c<=2047){len+=2;}else if(c>=55296&&c<=57343){len+=4;++i;}else {len+=3;}}return len};var stringToUTF8Array=(str,heap,outIdx,maxBytesToWrite)=>{if(!(maxBytesToWrite>0))return 0;var startIdx=outIdx;var endIdx=outIdx+maxBytesToWrite-1;for(var i=0;i<str.length;++i){var u=str.codePointAt(i);if(u<=127){if(outIdx>=endIdx)break;heap[outIdx++]=u;}else if(u<=2047){if(outIdx+1>=endIdx)break;heap[outIdx++]=192|u>>6;heap[outIdx++]=128|u&63;}else if(u<=65535){if(outIdx+2>=endIdx)break;heap[outIdx++]=224|u>>12;heap[outIdx++]=128|u>>6&63;heap[outIdx++]=128|u&63;}else {if(outIdx+3>=endIdx)break;heap[outIdx++]=240|u>>18;heap[outIdx++]=128|u>>12&63;heap[outIdx++]=128|u>>6&63;heap[outIdx++]=128|u&63;i++;}}heap[outIdx]=0;return outIdx-startIdx};var intArrayFromString=(stringy,dontAddNull,length)=>{var len=lengthBytesUTF8(stringy)+1;var u8array=new Array(len);var numBytesWritten=stringToUTF8Array(stringy,u8array,0,u8array.length);u8array.length=numBytesWritten;return u8array};var FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){var result=null;if(ENVIRONMENT_IS_NODE){var BUFSIZE=256;var buf=Buffer.alloc(BUFSIZE);var bytesRead=0;var fd=process.stdin.fd;try{bytesRead=fs.readSync(fd,buf,0,BUFSIZE);}catch(e){if(e.toString().includes("EOF"))bytesRead=0;else throw e}if(bytesRead>0){result=buf.slice(0,bytesRead).toString("utf-8");}}else if(globalThis.window?.prompt){result=window.prompt("Input: ");if(result!==null){result+="\n";}}else;if(!result){return null}FS_stdin_getChar_buffer=intArrayFromString(result);}return FS_stdin_getChar_buffer.shift()};var TTY={ttys:[],init(){},shutdown(){},register(dev,ops){TTY.ttys[dev]={input:[],output:[],ops};FS.registerDevice(dev,TTY.stream_ops);},stream_ops:{open(stream){var tty=TTY.ttys[stream.node.rdev];if(!tty){throw new FS.ErrnoError(43)}stream.tty=tty;stream.seekable=false;},close(stream){stream.tty.ops.fsync(stream.tty);},fsync(stream){stream.tty.ops.fsync(stream.tty);},read(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.get_char){throw new FS.ErrnoError(60)}var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=stream.tty.ops.get_char(stream.tty);}catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result;}if(bytesRead){stream.node.atime=Date.now();}return bytesRead},write(stream,buffer,offset,length,pos){if(!stream.tty||!stream.tty.ops.put_char){throw new FS.ErrnoError(60)}try{for(var i=0;i<length;i++){stream.tty.ops.put_char(stream.tty,buffer[offset+i]);}}catch(e){throw new FS.ErrnoError(29)}if(length){stream.node.mtime=stream.node.ctime=Date.now();}return i}},default_tty_ops:{get_char(tty){return FS_stdin_getChar()},put_char(tty,val){if(val===null||val===10){out(UTF8ArrayToString(tty.output));tty.output=[];}else {if(val!=0)tty.output.push(val);}},fsync(tty){if(tty.output?.length>0){out(UTF8ArrayToString(tty.output));tty.output=[];}},ioctl_tcgets(tty){return {c_iflag:25856,c_oflag:5,c_cflag:191,c_lflag:35387,c_cc:[3,28,127,21,4,0,1,0,17,19,26,0,18,15,23,22,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}},ioctl_tcsets(tty,optional_actions,data){return 0},ioctl_tiocgwinsz(tty){return [24,80]}},default_tty1_ops:{put_char(tty,val){if(val===null||val===10){err(UTF8ArrayToString(tty.output));tty.output=[];}else {if(val!=0)tty.output.push(val);}},fsync(tty){if(tty.output?.length>0){err(UTF8ArrayToString(tty.output));tty.output=[];}}}};var mmapAlloc=size=>{abort();};var MEMFS={ops_table:null,mount(mount){return MEMFS.createNode(null,"/",16895,0)},createNode(parent,name,mode,dev){if(FS.isBlkdev(mode)||FS.isFIFO(mode)){throw new FS.ErrnoError(63)}MEMFS.ops_table||={dir:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,lookup:MEMFS.node_ops.lookup,mknod:MEMFS.node_ops.mknod,rename:MEMFS.node_ops.rename,unlink:MEMFS.node_ops.unlink,rmdir:MEMFS.node_ops.rmdir,readdir:MEMFS.node_ops.readdir,symlink:MEMFS.node_ops.symlink},stream:{llseek:MEMFS.stream_ops.llseek}},file:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:{llseek:MEMFS.stream_ops.llseek,read:MEMFS.stream_ops.read,write:MEMFS.stream_ops.write,mmap:MEMFS.stream_ops.mmap,msync:MEMFS.stream_ops.msync}},link:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,readlink:MEMFS.node_ops.readlink},stream:{}},chrdev:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:FS.chrdev_stream_ops}};var node=FS.createNode(parent,name,mode,dev);if(FS.isDir(node.mode)){node.node_ops=MEMFS.ops_table.dir.node;node.stream_ops=MEMFS.ops_table.dir.stream;node.contents={};}else if(FS.isFile(node.mode)){node.node_ops=MEMFS.ops_table.file.node;node.stream_ops=MEMFS.ops_table.file.stream;node.usedBytes=0;node.contents=MEMFS.emptyFileContents??=new Uint8Array(0);}else if(FS.isLink(node.mode)){node.node_ops=MEMFS.ops_table.link.node;node.stream_ops=MEMFS.ops_table.link.stream;}else if(FS.isChrdev(node.mode)){node.node_ops=MEMFS.ops_table.chrdev.node;node.stream_ops=MEMFS.ops_table.chrdev.stream;}node.atime=node.mtime=node.ctime=Date.now();if(parent){parent.contents[name]=node;parent.atime=parent.mtime=parent.ctime=node.atime;}return node},getFileDataAsTypedArray(node){return node.contents.subarray(0,node.usedBytes)},expandFileStorage(node,newCapacity){var prevCapacity=node.contents.length;if(prevCapacity>=newCapacity)return;var CAPACITY_DOUBLING_MAX=1024*1024;newCapacity=Math.max(newCapacity,prevCapacity*(prevCapacity<CAPACITY_DOUBLING_MAX?2:1.125)>>>0);if(prevCapacity)newCapacity=Math.max(newCapacity,256);var oldContents=MEMFS.getFileDataAsTypedArray(node);node.contents=new Uint8Array(newCapacity);node.contents.set(oldContents);},resizeFileStorage(node,newSize){if(node.usedBytes==newSize)return;var oldContents=node.contents;node.contents=new Uint8Array(newSize);node.contents.set(oldContents.subarray(0,Math.min(newSize,node.usedBytes)));node.usedBytes=newSize;},node_ops:{getattr(node){var attr={};attr.dev=FS.isChrdev(node.mode)?node.id:1;attr.ino=node.id;attr.mode=node.mode;attr.nlink=1;attr.uid=0;attr.gid=0;attr.rdev=node.rdev;if(FS.isDir(node.mode)){attr.size=4096;}else if(FS.isFile(node.mode)){attr.size=node.usedBytes;}else if(FS.isLink(node.mode)){attr.size=node.link.length;}else {attr.size=0;}attr.atime=new Date(node.atime);attr.mtime=new Date(node.mtime);attr.ctime=new Date(node.ctime);attr.blksize=4096;attr.blocks=Math.ceil(attr.size/attr.blksize);return attr},setattr(node,attr){for(const key of ["mode","atime","mtime","ctime"]){if(attr[key]!=null){node[key]=attr[key];}}if(attr.size!==undefined){MEMFS.resizeFileStorage(node,attr.size);}},lookup(parent,name){if(!MEMFS.doesNotExistError){MEMFS.doesNotExistError=new FS.ErrnoError(44);MEMFS.doesNotExistError.stack="<generic error, no stack>";}throw MEMFS.doesNotExistError},mknod(parent,name,mode,dev){return MEMFS.createNode(parent,name,mode,dev)},rename(old_node,new_dir,new_name){var new_node;try{new_node=FS.lookupNode(new_dir,new_name);}catch(e){}if(new_node){if(FS.isDir(old_node.mode)){for(var i in new_node.contents){throw new FS.ErrnoError(55)}}FS.hashRemoveNode(new_node);}delete old_node.parent.contents[old_node.name];new_dir.contents[new_name]=old_node;old_node.name=new_name;new_dir.ctime=new_dir.mtime=old_node.parent.ctime=old_node.parent.mtime=Date.now();},unlink(parent,name){delete parent.contents[name];parent.ctime=parent.mtime=Date.now();},rmdir(parent,name){var node=FS.lookupNode(parent,name);for(var i in node.contents){throw new FS.ErrnoError(55)}delete parent.contents[name];parent.ctime=parent.mtime=Date.now();},readdir(node){return [".","..",...Object.keys(node.contents)]},symlink(parent,newname,oldpath){var node=MEMFS.createNode(parent,newname,511|40960,0);node.link=oldpath;return node},readlink(node){if(!FS.isLink(node.mode)){throw new FS.ErrnoError(28)}return node.link}},stream_ops:{read(stream,buffer,offset,length,position){var contents=stream.node.contents;if(position>=stream.node.usedBytes)return 0;var size=Math.min(stream.node.usedBytes-position,length);buffer.set(contents.subarray(position,position+size),offset);return size},write(stream,buffer,offset,length,position,canOwn){if(buffer.buffer===HEAP8.buffer){canOwn=false;}if(!length)return 0;var node=stream.node;node.mtime=node.ctime=Date.now();if(canOwn){node.contents=buffer.subarray(offset,offset+length);node.usedBytes=length;}else if(node.usedBytes===0&&position===0){node.contents=buffer.slice(offset,offset+length);node.usedBytes=length;}else {MEMFS.expandFileStorage(node,position+length);node.contents.set(buffer.subarray(offset,offset+length),position);node.usedBytes=Math.max(node.usedBytes,position+length);}return length},llseek(stream,offset,whence){var position=offset;if(whence===1){position+=stream.position;}else if(whence===2){if(FS.isFile(stream.node.mode)){position+=stream.node.usedBytes;}}if(position<0){throw new FS.ErrnoError(28)}return position},mmap(stream,length,position,prot,flags){if(!FS.isFile(stream.node.mode)){throw new FS.ErrnoError(43)}var ptr;var allocated;var contents=stream.node.contents;if(!(flags&2)&&contents.buffer===HEAP8.buffer){allocated=false;ptr=contents.byteOffset;}else {allocated=true;ptr=mmapAlloc();if(!ptr){throw new FS.ErrnoError(48)}if(contents){if(position>0||position+length<contents.length){if(contents.subarray){contents=contents.subarray(position,position+length);}else {contents=Array.prototype.slice.call(contents,position,position+length);}}HEAP8.set(contents,ptr);}}return {ptr,allocated}},msync(stream,buffer,offset,length,mmapFlags){MEMFS.stream_ops.write(stream,buffer,0,length,offset,false);return 0}}};var FS_modeStringToFlags=str=>{if(typeof str!="string")return str;var flagModes={r:0,"r+":2,w:512|64|1,"w+":512|64|2,a:1024|64|1,"a+":1024|64|2};var flags=flagModes[str];if(typeof flags=="undefined"){throw new Error(`Unknown file open mode: ${str}`)}return flags};var FS_fileDataToTypedArray=data=>{if(typeof data=="string"){data=intArrayFromString(data);}if(!data.subarray){data=new Uint8Array(data);}return data};var FS_getMode=(canRead,canWrite)=>{var mode=0;if(canRead)mode|=292|73;if(canWrite)mode|=146;return mode};var asyncLoad=async url=>{var arrayBuffer=await readAsync(url);return new Uint8Array(arrayBuffer)};var FS_createDataFile=(...args)=>FS.createDataFile(...args);var dependenciesPromise=null;var resolveRunDependencies=async()=>dependenciesPromise;var runDependencies=0;var dependenciesPromiseResolve=null;var removeRunDependency=id=>{runDependencies--;Module["monitorRunDependencies"]?.(runDependencies);if(!runDependencies){dependenciesPromiseResolve();}};var addRunDependency=id=>{if(!runDependencies){dependenciesPromise=new Promise(resolve=>dependenciesPromiseResolve=resolve);}runDependencies++;Module["monitorRunDependencies"]?.(runDependencies);};var preloadPlugins=[];var FS_handledByPreloadPlugin=async(byteArray,fullname)=>{if(typeof Browser!="undefined")Browser.init();for(var plugin of preloadPlugins){if(plugin["canHandle"](fullname)){return plugin["handle"](byteArray,fullname)}}return byteArray};var FS_preloadFile=async(parent,name,url,canRead,canWrite,dontCreateFile,canOwn,preFinish)=>{var fullname=name?PATH_FS.resolve(PATH.join2(parent,name)):parent;addRunDependency();try{var byteArray=url;if(typeof url=="string"){byteArray=await asyncLoad(url);}byteArray=await FS_handledByPreloadPlugin(byteArray,fullname);preFinish?.();if(!dontCreateFile){FS_createDataFile(parent,name,byteArray,canRead,canWrite,canOwn);}}finally{removeRunDependency();}};var FS_createPreloadedFile=(parent,name,url,canRead,canWrite,onload,onerror,dontCreateFile,canOwn,preFinish)=>{FS_preloadFile(parent,name,url,canRead,canWrite,dontCreateFile,canOwn,preFinish).then(onload).catch(onerror);};var FS={root:null,mounts:[],devices:{},streams:[],nextInode:1,nameTable:null,currentPath:"/",initialized:false,ignorePermissions:true,filesystems:null,syncFSRequests:0,ErrnoError:class{name="ErrnoError";constructor(errno){this.errno=errno;}},FSStream:class{shared={};get object(){return this.node}set object(val){this.node=val;}get isRead(){return (this.flags&2097155)!==1}get isWrite(){return (this.flags&2097155)!==0}get isAppend(){return this.flags&1024}get flags(){return this.shared.flags}set flags(val){this.shared.flags=val;}get position(){return this.shared.position}set position(val){this.shared.position=val;}},FSNode:class{node_ops={};stream_ops={};readMode=292|73;writeMode=146;mounted=null;constructor(parent,name,mode,rdev){if(!parent){parent=this;}this.parent=parent;this.mount=parent.mount;this.id=FS.nextInode++;this.name=name;this.mode=mode;this.rdev=rdev;this.atime=this.mtime=this.ctime=Date.now();}get read(){return (this.mode&this.readMode)===this.readMode}set read(val){val?this.mode|=this.readMode:this.mode&=~this.readMode;}get write(){return (this.mode&this.writeMode)===this.writeMode}set write(val){val?this.mode|=this.writeMode:this.mode&=~this.writeMode;}get isFolder(){return FS.isDir(this.mode)}get isDevice(){return FS.isChrdev(this.mode)}addListener(cb,exclusive=false){var entry={cb,exclusive};var listeners=this.listeners??=new Set;listeners.add(entry);return {listeners,entry}}notifyListeners(flags){if(!this.listeners)return;var excl;for(var entry of this.listeners){if(entry.exclusive)(excl||=[]).push(entry);else entry.cb(flags);}if(excl){var i=(this.exclTurn||0)%excl.length;this.exclTurn=i+1;excl[i].cb(flags);}}},lookupPath(path,opts={}){if(!path){throw new FS.ErrnoError(44)}opts.follow_mount??=true;if(!PATH.isAbs(path)){path=FS.cwd()+"/"+path;}linkloop:for(var nlinks=0;nlinks<40;nlinks++){var parts=path.split("/").filter(p=>!!p);var current=FS.root;var current_path="/";for(var i=0;i<parts.length;i++){var islast=i===parts.length-1;if(islast&&opts.parent){break}if(parts[i]==="."){continue}if(parts[i]===".."){current_path=PATH.dirname(current_path);if(FS.isRoot(current)){path=current_path+"/"+parts.slice(i+1).join("/");nlinks--;continue linkloop}else {current=current.parent;}continue}current_path=PATH.join2(current_path,parts[i]);try{current=FS.lookupNode(current,parts[i]);}catch(e){if(e?.errno===44&&islast&&opts.noent_okay){return {path:current_path}}throw e}if(FS.isMountpoint(current)&&(!islast||opts.follow_mount)){current=current.mounted.root;}if(FS.isLink(current.mode)&&(!islast||opts.follow)){if(!current.node_ops.readlink){throw new FS.ErrnoError(52)}var link=current.node_ops.readlink(current);if(!PATH.isAbs(link)){link=PATH.dirname(current_path)+"/"+link;}path=link+"/"+parts.slice(i+1).join("/");continue linkloop}}return {path:current_path,node:current}}throw new FS.ErrnoError(32)},getPath(node){var path;while(true){if(FS.isRoot(node)){var mount=node.mount.mountpoint;if(!path)return mount;return mount[mount.length-1]!=="/"?`${mount}/${path}`:mount+path}path=path?`${node.name}/${path}`:node.name;node=node.parent;}},hashName(parentid,name){var hash=0;for(var i=0;i<name.length;i++){hash=(hash<<5)-hash+name.charCodeAt(i)|0;}return (parentid+hash>>>0)%FS.nameTable.length},hashAddNode(node){var hash=FS.hashName(node.parent.id,node.name);node.name_next=FS.nameTable[hash];FS.nameTable[hash]=node;},hashRemoveNode(node){var hash=FS.hashName(node.parent.id,node.name);if(FS.nameTable[hash]===node){FS.nameTable[hash]=node.name_next;}else {var current=FS.nameTable[hash];while(current){if(current.name_next===node){current.name_next=node.name_next;break}current=current.name_next;}}},lookupNode(parent,name){var errCode=FS.mayLookup(parent);if(errCode){throw new FS.ErrnoError(errCode)}var hash=FS.hashName(parent.id,name);for(var node=FS.nameTable[hash];node;node=node.name_next){var nodeName=node.name;if(node.parent.id===parent.id&&nodeName===name){return node}}return FS.lookup(parent,name)},createNode(parent,name,mode,rdev){var node=new FS.FSNode(parent,name,mode,rdev);FS.hashAddNode(node);return node},destroyNode(node){FS.hashRemoveNode(node);},isRoot(node){return node===node.parent},isMountpoint(node){return !!node.mounted},isFile(mode){return (mode&61440)===32768},isDir(mode){return (mode&61440)===16384},isLink(mode){return (mode&61440)===40960},isChrdev(mode){return (mode&61440)===8192},isBlkdev(mode){return (mode&61440)===24576},isFIFO(mode){return (mode&61440)===4096},isSocket(mode){return (mode&49152)===49152},flagsToPermissionString(flag){var perms=["r","w","rw"][flag&3];if(flag&512){perms+="w";}return perms},nodePermissions(node,perms){if(FS.ignorePermissions){return 0}if(perms.includes("r")&&!(node.mode&292)){return 2}if(perms.includes("w")&&!(node.mode&146)){return 2}if(perms.includes("x")&&!(node.mode&73)){return 2}return 0},mayLookup(dir){if(!FS.isDir(dir.mode))return 54;var errCode=FS.nodePermissions(dir,"x");if(errCode)return errCode;if(!dir.node_ops.lookup)return 2;return 0},mayCreate(dir,name){if(!FS.isDir(dir.mode)){return 54}try{var node=FS.lookupNode(dir,name);return 20}catch(e){}return FS.nodePermissions(dir,"wx")},mayDelete(dir,name,isdir){var node;try{node=FS.lookupNode(dir,name);}catch(e){return e.errno}var errCode=FS.nodePermissions(dir,"wx");if(errCode){return errCode}if(isdir){if(!FS.isDir(node.mode)){return 54}if(FS.isRoot(node)||FS.getPath(node)===FS.cwd()){return 10}}else if(FS.isDir(node.mode)){return 31}return 0},mayOpen(node,flags){if(!node){return 44}if(FS.isLink(node.mode)){return 32}var mode=FS.flagsToPermissionString(flags);if(FS.isDir(node.mode)){if(mode!=="r"||flags&(512|64)){return 31}}return FS.nodePermissions(node,mode)},checkOpExists(op,err){if(!op){throw new FS.ErrnoError(err)}return op},MAX_OPEN_FDS:4096,nextfd(){for(var fd=0;fd<=FS.MAX_OPEN_FDS;fd++){if(!FS.streams[fd]){return fd}}throw new FS.ErrnoError(33)},getStreamChecked(fd){var stream=FS.getStream(fd);if(!stream){throw new FS.ErrnoError(8)}return stream},getStream:fd=>FS.streams[fd],createStream(stream,fd=-1){stream=Object.assign(new FS.FSStream,stream);if(fd==-1){fd=FS.nextfd();}stream.fd=fd;FS.streams[fd]=stream;return stream},closeStream(fd){FS.streams[fd]=null;},dupStream(origStream,fd=-1){var stream=FS.createStream(origStream,fd);stream.stream_ops?.dup?.(stream);return stream},doSetAttr(stream,node,attr){var setattr=stream?.stream_ops.setattr;var arg=setattr?stream:node;setattr??=node.node_ops.setattr;FS.checkOpExists(setattr,63);try{setattr(arg,attr);}catch(e){if(e instanceof RangeError){throw new FS.ErrnoError(22)}throw e}},chrdev_stream_ops:{open(stream){var device=FS.getDevice(stream.node.rdev);stream.stream_ops=device.stream_ops;stream.stream_ops.open?.(stream);},llseek(){throw new FS.ErrnoError(70)}},major:dev=>dev>>8,minor:dev=>dev&255,makedev:(ma,mi)=>ma<<8|mi,registerDevice(dev,ops){FS.devices[dev]={stream_ops:ops};},getDevice:dev=>FS.devices[dev],getMounts(mount){var mounts=[];var check=[mount];while(check.length){var m=check.pop();mounts.push(m);check.push(...m.mounts);}return mounts},syncfs(populate,callback){if(typeof populate=="function"){callback=populate;populate=false;}FS.syncFSRequests++;if(FS.syncFSRequests>1){err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`);}var mounts=FS.getMounts(FS.root.mount);var completed=0;function doCallback(errCode){FS.syncFSRequests--;return callback(errCode)}function done(errCode){if(errCode){if(!done.errored){done.errored=true;return doCallback(errCode)}return}if(++completed>=mounts.length){doCallback(null);}}for(var mount of mounts){if(mount.type.syncfs){mount.type.syncfs(mount,populate,done);}else {done(null);}}},mount(type,opts,mountpoint){var root=mountpoint==="/";var pseudo=!mountpoint;var node;if(root&&FS.root){throw new FS.ErrnoError(10)}else if(!root&&!pseudo){var lookup=FS.lookupPath(mountpoint,{follow_mount:false});mountpoint=lookup.path;node=lookup.node;if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}if(!FS.isDir(node.mode)){throw new FS.ErrnoError(54)}}var mount={type,opts,mountpoint,mounts:[]};var mountRoot=type.mount(mount);mountRoot.mount=mount;mount.root=mountRoot;if(root){FS.root=mountRoot;}else if(node){node.mounted=mount;if(node.mount){node.mount.mounts.push(mount);}}return mountRoot},unmount(mountpoint){var lookup=FS.lookupPath(mountpoint,{follow_mount:false});if(!FS.isMountpoint(lookup.node)){throw new FS.ErrnoError(28)}var node=lookup.node;var mount=node.mounted;var mounts=FS.getMounts(mount);for(var[hash,current]of Object.entries(FS.nameTable)){while(current){var next=current.name_next;if(mounts.includes(current.mount)){FS.destroyNode(current);}current=next;}}node.mounted=null;var idx=node.mount.mounts.indexOf(mount);node.mount.mounts.splice(idx,1);},lookup(parent,name){return parent.node_ops.lookup(parent,name)},mknod(path,mode,dev){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;var name=PATH.basename(path);if(!name){throw new FS.ErrnoError(28)}if(name==="."||name===".."){throw new FS.ErrnoError(20)}var errCode=FS.mayCreate(parent,name);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.mknod){throw new FS.ErrnoError(63)}return parent.node_ops.mknod(parent,name,mode,dev)},statfs(path){return FS.statfsNode(FS.lookupPath(path,{follow:true}).node)},statfsStream(stream){return FS.statfsNode(stream.node)},statfsNode(node){var rtn={bsize:4096,frsize:4096,blocks:1e6,bfree:5e5,bavail:5e5,files:FS.nextInode,ffree:FS.nextInode-1,fsid:42,flags:2,namelen:255};if(node.node_ops.statfs){Object.assign(rtn,node.node_ops.statfs(node.mount.opts.root));}return rtn},create(path,mode=438){mode&=4095;mode|=32768;return FS.mknod(path,mode,0)},mkdir(path,mode=511){mode&=511|512;mode|=16384;return FS.mknod(path,mode,0)},mkdirTree(path,mode){var dirs=path.split("/");var d="";for(var dir of dirs){if(!dir)continue;if(d||PATH.isAbs(path))d+="/";d+=dir;try{FS.mkdir(d,mode);}catch(e){if(e.errno!=20)throw e}}},mkdev(path,mode,dev){if(typeof dev=="undefined"){dev=mode;mode=438;}mode|=8192;return FS.mknod(path,mode,dev)},symlink(oldpath,newpath){if(!PATH_FS.resolve(oldpath)){throw new FS.ErrnoError(44)}var lookup=FS.lookupPath(newpath,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var newname=PATH.basename(newpath);var errCode=FS.mayCreate(parent,newname);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.symlink){throw new FS.ErrnoError(63)}return parent.node_ops.symlink(parent,newname,oldpath)},link(oldpath,newpath,flags){var lookup=FS.lookupPath(newpath,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var newname=PATH.basename(newpath);var errCode=FS.mayCreate(parent,newname);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.link){throw new FS.ErrnoError(34)}return parent.node_ops.link(parent,newname,oldpath,flags)},rename(old_path,new_path){var old_dirname=PATH.dirname(old_path);var new_dirname=PATH.dirname(new_path);var old_name=PATH.basename(old_path);var new_name=PATH.basename(new_path);var lookup,old_dir,new_dir;lookup=FS.lookupPath(old_path,{parent:true});old_dir=lookup.node;lookup=FS.lookupPath(new_path,{parent:true});new_dir=lookup.node;if(!old_dir||!new_dir)throw new FS.ErrnoError(44);if(old_dir.mount!==new_dir.mount){throw new FS.ErrnoError(75)}var old_node=FS.lookupNode(old_dir,old_name);var relative=PATH_FS.relative(old_path,new_dirname);if(relative.charAt(0)!=="."){throw new FS.ErrnoError(28)}relative=PATH_FS.relative(new_path,old_dirname);if(relative.charAt(0)!=="."){throw new FS.ErrnoError(55)}var new_node;try{new_node=FS.lookupNode(new_dir,new_name);}catch(e){}if(old_node===new_node){return}var isdir=FS.isDir(old_node.mode);var errCode=FS.mayDelete(old_dir,old_name,isdir);if(errCode){throw new FS.ErrnoError(errCode)}errCode=new_node?FS.mayDelete(new_dir,new_name,isdir):FS.mayCreate(new_dir,new_name);if(errCode){throw new FS.ErrnoError(errCode)}if(!old_dir.node_ops.rename){throw new FS.ErrnoError(63)}if(FS.isMountpoint(old_node)||new_node&&FS.isMountpoint(new_node)){throw new FS.ErrnoError(10)}if(new_dir!==old_dir){errCode=FS.nodePermissions(old_dir,"w");if(errCode){throw new FS.ErrnoError(errCode)}}FS.hashRemoveNode(old_node);try{old_dir.node_ops.rename(old_node,new_dir,new_name);old_node.parent=new_dir;}catch(e){throw e}finally{FS.hashAddNode(old_node);}},rmdir(path){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;var name=PATH.basename(path);var node=FS.lookupNode(parent,name);var errCode=FS.mayDelete(parent,name,true);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.rmdir){throw new FS.ErrnoError(63)}if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}parent.node_ops.rmdir(parent,name);FS.destroyNode(node);},readdir(path){var lookup=FS.lookupPath(path,{follow:true});var node=lookup.node;var readdir=FS.checkOpExists(node.node_ops.readdir,54);return readdir(node)},unlink(path){var lookup=FS.lookupPath(path,{parent:true});var parent=lookup.node;if(!parent){throw new FS.ErrnoError(44)}var name=PATH.basename(path);var node=FS.lookupNode(parent,name);var errCode=FS.mayDelete(parent,name,false);if(errCode){throw new FS.ErrnoError(errCode)}if(!parent.node_ops.unlink){throw new FS.ErrnoError(63)}if(FS.isMountpoint(node)){throw new FS.ErrnoError(10)}parent.node_ops.unlink(parent,name);FS.destroyNode(node);},readlink(path){var lookup=FS.lookupPath(path);var link=lookup.node;if(!link){throw new FS.ErrnoError(44)}if(!link.node_ops.readlink){throw new FS.ErrnoError(28)}return link.node_ops.readlink(link)},stat(path,dontFollow){var lookup=FS.lookupPath(path,{follow:!dontFollow});var node=lookup.node;var getattr=FS.checkOpExists(node.node_ops.getattr,63);return getattr(node)},fstat(fd){var stream=FS.getStreamChecked(fd);var node=stream.node;var getattr=stream.stream_ops.getattr;var arg=getattr?stream:node;getattr??=node.node_ops.getattr;FS.checkOpExists(getattr,63);return getattr(arg)},lstat(path){return FS.stat(path,true)},doChmod(stream,node,mode,dontFollow){FS.doSetAttr(stream,node,{mode:mode&4095|node.mode&-4096,ctime:Date.now(),dontFollow});},chmod(path,mode,dontFollow){var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:!dontFollow});node=lookup.node;}else {node=path;}FS.doChmod(null,node,mode,dontFollow);},lchmod(path,mode){FS.chmod(path,mode,true);},fchmod(fd,mode){var stream=FS.getStreamChecked(fd);FS.doChmod(stream,stream.node,mode,false);},doChown(stream,node,dontFollow){FS.doSetAttr(stream,node,{timestamp:Date.now(),dontFollow});},chown(path,uid,gid,dontFollow){var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:!dontFollow});node=lookup.node;}else {node=path;}FS.doChown(null,node,dontFollow);},lchown(path,uid,gid){FS.chown(path,uid,gid,true);},fchown(fd,uid,gid){var stream=FS.getStreamChecked(fd);FS.doChown(stream,stream.node,false);},doTruncate(stream,node,len){if(FS.isDir(node.mode)){throw new FS.ErrnoError(31)}if(!FS.isFile(node.mode)){throw new FS.ErrnoError(28)}var errCode=FS.nodePermissions(node,"w");if(errCode){throw new FS.ErrnoError(errCode)}FS.doSetAttr(stream,node,{size:len,timestamp:Date.now()});},truncate(path,len){if(len<0){throw new FS.ErrnoError(28)}var node;if(typeof path=="string"){var lookup=FS.lookupPath(path,{follow:true});node=lookup.node;}else {node=path;}FS.doTruncate(null,node,len);},ftruncate(fd,len){var stream=FS.getStreamChecked(fd);if(len<0||(stream.flags&2097155)===0){throw new FS.ErrnoError(28)}FS.doTruncate(stream,stream.node,len);},utime(path,atime,mtime,dontFollow){var lookup=FS.lookupPath(path,{follow:!dontFollow});FS.doSetAttr(null,lookup.node,{atime,mtime,dontFollow});},open(path,flags,mode=438){if(path===""){throw new FS.ErrnoError(44)}flags=FS_modeStringToFlags(flags);if(flags&64){mode=mode&4095|32768;}else {mode=0;}var node;var isDirPath;if(typeof path=="object"){node=path;}else {isDirPath=path.endsWith("/");var lookup=FS.lookupPath(path,{follow:!(flags&131072),noent_okay:true});node=lookup.node;path=lookup.path;}var created=false;if(flags&64){if(node){if(flags&128){throw new FS.ErrnoError(20)}}else if(isDirPath){throw new FS.ErrnoError(31)}else {node=FS.mknod(path,mode|511,0);created=true;}}if(!node){throw new FS.ErrnoError(44)}if(FS.isChrdev(node.mode)){flags&=-513;}if(flags&65536&&!FS.isDir(node.mode)){throw new FS.ErrnoError(54)}if(!created){var errCode=FS.mayOpen(node,flags);if(errCode){throw new FS.ErrnoError(errCode)}}if(flags&512&&!created){FS.truncate(node,0);}flags&=-131713;var stream=FS.createStream({node,path:FS.getPath(node),flags,seekable:true,position:0,stream_ops:node.stream_ops,ungotten:[],error:false});if(stream.stream_ops.open){stream.stream_ops.open(stream);}if(created){FS.chmod(node,mode&511);}return stream},close(stream){if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if(stream.getdents)stream.getdents=null;stream.node?.notifyListeners(32);try{if(stream.stream_ops.close){stream.stream_ops.close(stream);}}catch(e){throw e}finally{FS.closeStream(stream.fd);}stream.fd=null;},isClosed(stream){return stream.fd===null},llseek(stream,offset,whence){if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if(!stream.seekable||!stream.stream_ops.llseek){throw new FS.ErrnoError(70)}if(whence!=0&&whence!=1&&whence!=2){throw new FS.ErrnoError(28)}stream.position=stream.stream_ops.llseek(stream,offset,whence);stream.ungotten=[];return stream.position},read(stream,buffer,offset,length,position){if(length<0||position<0){throw new FS.ErrnoError(28)}if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if((stream.flags&2097155)===1){throw new FS.ErrnoError(8)}if(FS.isDir(stream.node.mode)){throw new FS.ErrnoError(31)}if(!stream.stream_ops.read){throw new FS.ErrnoError(28)}var seeking=typeof position!="undefined";if(!seeking){position=stream.position;}else if(!stream.seekable){throw new FS.ErrnoError(70)}var bytesRead=stream.stream_ops.read(stream,buffer,offset,length,position);if(!seeking)stream.position+=bytesRead;return bytesRead},write(stream,buffer,offset,length,position,canOwn){if(length<0||position<0){throw new FS.ErrnoError(28)}if(FS.isClosed(stream)){throw new FS.ErrnoError(8)}if((stream.flags&2097155)===0){throw new FS.ErrnoError(8)}if(FS.isDir(stream.node.mode)){throw new FS.ErrnoError(31)}if(!stream.stream_ops.write){throw new FS.ErrnoError(28)}if(stream.seekable&&stream.flags&1024){FS.llseek(stream,0,2);}var seeking=typeof position!="undefined";if(!seeking){position=stream.position;}else if(!stream.seekable){throw new FS.ErrnoError(70)}var bytesWritten=stream.stream_ops.write(stream,buffer,offset,length,position,canOwn);if(!seeking)stream.position+=bytesWritten;return bytesWritten},mmap(stream,length,position,prot,flags){if((prot&2)!==0&&(flags&2)===0&&(stream.flags&2097155)!==2){throw new FS.ErrnoError(2)}if((stream.flags&2097155)===1){throw new FS.ErrnoError(2)}if(!stream.stream_ops.mmap){throw new FS.ErrnoError(43)}if(!length){throw new FS.ErrnoError(28)}return stream.stream_ops.mmap(stream,length,position,prot,flags)},msync(stream,buffer,offset,length,mmapFlags){if(!stream.stream_ops.msync){return 0}return stream.stream_ops.msync(stream,buffer,offset,length,mmapFlags)},ioctl(stream,cmd,arg){if(!stream.stream_ops.ioctl){throw new FS.ErrnoError(59)}return stream.stream_ops.ioctl(stream,cmd,arg)},readFile(path,opts={}){opts.flags=opts.flags??0;opts.encoding=opts.encoding??"binary";if(opts.encoding!=="utf8"&&opts.encoding!=="binary"){abort(`Invalid encoding type "${opts.encoding}"`);}var stream=FS.open(path,opts.flags);var stat=FS.stat(path);var length=stat.size;var buf=new Uint8Array(length);FS.read(stream,buf,0,length,0);if(opts.encoding==="utf8"){buf=UTF8ArrayToString(buf);}FS.close(stream);return buf},writeFile(path,data,opts={}){opts.flags=opts.flags??577;var stream=FS.open(path,opts.flags,opts.mode);data=FS_fileDataToTypedArray(data);FS.write(stream,data,0,data.byteLength,undefined,opts.canOwn);FS.close(stream);},cwd:()=>FS.currentPath,chdir(path){var lookup=FS.lookupPath(path,{follow:true});if(lookup.node===null){throw new FS.ErrnoError(44)}if(!FS.isDir(lookup.node.mode)){throw new FS.ErrnoError(54)}var errCode=FS.nodePermissions(lookup.node,"x");if(errCode){throw new FS.ErrnoError(errCode)}FS.currentPath=lookup.path;},createDefaultDirectories(){FS.mkdir("/tmp");FS.mkdir("/home");FS.mkdir("/home/web_user");},createDefaultDevices(){FS.mkdir("/dev");FS.registerDevice(FS.makedev(1,3),{read:()=>0,write:(stream,buffer,offset,length,pos)=>length,llseek:()=>0});FS.mkdev("/dev/null",FS.makedev(1,3));TTY.register(FS.makedev(5,0),TTY.default_tty_ops);TTY.register(FS.makedev(6,0),TTY.default_tty1_ops);FS.mkdev("/dev/tty",FS.makedev(5,0));FS.mkdev("/dev/tty1",FS.makedev(6,0));var randomBuffer=new Uint8Array(1024),randomLeft=0;var randomByte=()=>{if(randomLeft===0){randomFill(randomBuffer);randomLeft=randomBuffer.byteLength;}return randomBuffer[--randomLeft]};FS.createDevice("/dev","random",randomByte);FS.createDevice("/dev","urandom",randomByte);FS.mkdir("/dev/shm");FS.mkdir("/dev/shm/tmp");},createSpecialDirectories(){FS.mkdir("/proc");var proc_self=FS.mkdir("/proc/self");FS.mkdir("/proc/self/fd");FS.mount({mount(){var node=FS.createNode(proc_self,"fd",16895,73);node.stream_ops={llseek:MEMFS.stream_ops.llseek};node.node_ops={lookup(parent,name){var fd=+name;var stream=FS.getStreamChecked(fd);var ret={parent:null,mount:{mountpoint:"fake"},node_ops:{readlink:()=>stream.path},id:fd+1};ret.parent=ret;return ret},readdir(){return Array.from(FS.streams.entries()).filter(([k,v])=>v).map(([k,v])=>k.toString())}};return node}},{},"/proc/self/fd");},createStandardStreams(input,output,error){if(input){FS.createDevice("/dev","stdin",input);}else {FS.symlink("/dev/tty","/dev/stdin");}if(output){FS.createDevice("/dev","stdout",null,output);}else {FS.symlink("/dev/tty","/dev/stdout");}if(error){FS.createDevice("/dev","stderr",null,error);}else {FS.symlink("/dev/tty1","/dev/stderr");}FS.open("/dev/stdin",0);FS.open("/dev/stdout",1);FS.open("/dev/stderr",1);},staticInit(){FS.nameTable=new Array(4096);FS.mount(MEMFS,{},"/");FS.createDefaultDirectories();FS.createDefaultDevices();FS.createSpecialDirectories();FS.filesystems={MEMFS};},init(input,output,error){FS.initialized=true;input??=Module["stdin"];output??=Module["stdout"];error??=Module["stderr"];FS.createStandardStreams(input,output,error);},quit(){FS.initialized=false;for(var stream of FS.streams){if(stream){FS.close(stream);}}},findObject(path,dontResolveLastLink){var ret=FS.analyzePath(path,dontResolveLastLink);if(!ret.exists){return null}return ret.object},analyzePath(path,dontResolveLastLink){try{var lookup=FS.lookupPath(path,{follow:!dontResolveLastLink});path=lookup.path;}catch(e){}var ret={isRoot:false,exists:false,error:0,name:null,path:null,object:null,parentExists:false,parentPath:null,parentObject:null};try{var lookup=FS.lookupPath(path,{parent:true});ret.parentExists=true;ret.parentPath=lookup.path;ret.parentObject=lookup.node;ret.name=PATH.basename(path);lookup=FS.lookupPath(path,{follow:!dontResolveLastLink});ret.exists=true;ret.path=lookup.path;ret.object=lookup.node;ret.name=lookup.node.name;ret.isRoot=lookup.path==="/";}catch(e){ret.error=e.errno;}return ret},createPath(parent,path,canRead,canWrite){parent=typeof parent=="string"?parent:FS.getPath(parent);var parts=path.split("/").reverse();while(parts.length){var part=parts.pop();if(!part)continue;var current=PATH.join2(parent,part);try{FS.mkdir(current);}catch(e){if(e.errno!=20)throw e}parent=current;}return current},createFile(parent,name,properties,canRead,canWrite){var path=PATH.join2(typeof parent=="string"?parent:FS.getPath(parent),name);var mode=FS_getMode(canRead,canWrite);return FS.create(path,mode)},createDataFile(parent,name,data,canRead,canWrite,canOwn){var path=name;if(parent){parent=typeof parent=="string"?parent:FS.getPath(parent);path=name?PATH.join2(parent,name):parent;}var mode=FS_getMode(canRead,canWrite);var node=FS.create(path,mode);if(data){data=FS_fileDataToTypedArray(data);FS.chmod(node,mode|146);var stream=FS.open(node,577);FS.write(stream,data,0,data.length,0,canOwn);FS.close(stream);FS.chmod(node,mode);}},createDevice(parent,name,input,output){var path=PATH.join2(typeof parent=="string"?parent:FS.getPath(parent),name);var mode=FS_getMode(!!input,!!output);FS.createDevice.major??=64;var dev=FS.makedev(FS.createDevice.major++,0);FS.registerDevice(dev,{open(stream){stream.seekable=false;},close(stream){if(output?.buffer?.length){output(10);}},read(stream,buffer,offset,length,pos){var bytesRead=0;for(var i=0;i<length;i++){var result;try{result=input();}catch(e){throw new FS.ErrnoError(29)}if(result===undefined&&bytesRead===0){throw new FS.ErrnoError(6)}if(result===null||result===undefined)break;bytesRead++;buffer[offset+i]=result;}if(bytesRead){stream.node.atime=Date.now();}return bytesRead},write(stream,buffer,offset,length,pos){for(var i=0;i<length;i++){try{output(buffer[offset+i]);}catch(e){throw new FS.ErrnoError(29)}}if(length){stream.node.mtime=stream.node.ctime=Date.now();}return i}});return FS.mkdev(path,mode,dev)},forceLoadFile(obj){if(obj.isDevice||obj.isFolder||obj.link||obj.contents)return true;if(globalThis.XMLHttpRequest){abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.");}else {try{obj.contents=readBinary(obj.url);}catch(e){throw new FS.ErrnoError(29)}}},createLazyFile(parent,name,url,canRead,canWrite){class LazyUint8Array{lengthKnown=false;chunks=[];get(idx){if(idx>this.length-1||idx<0){return undefined}var chunkOffset=idx%this.chunkSize;var chunkNum=idx/this.chunkSize|0;return this.getter(chunkNum)[chunkOffset]}setDataGetter(getter){this.getter=getter;}cacheLength(){var xhr=new XMLHttpRequest;xhr.open("HEAD",url,false);xhr.send(null);if(!(xhr.status>=200&&xhr.status<300||xhr.status===304))abort("Couldn't load "+url+". Status: "+xhr.status);var datalength=Number(xhr.getResponseHeader("Content-length"));var header;var hasByteServing=(header=xhr.getResponseHeader("Accept-Ranges"))&&header==="bytes";var usesGzip=(header=xhr.getResponseHeader("Content-Encoding"))&&header==="gzip";var chunkSize=1024*1024;if(!hasByteServing)chunkSize=datalength;var doXHR=(from,to)=>{if(from>to)abort(`invalid range (${from}, ${to}) or no bytes requested!`);if(to>datalength-1)abort(`only ${datalength} bytes available! programmer error!`);var xhr=new XMLHttpRequest;xhr.open("GET",url,false);if(datalength!==chunkSize)xhr.setRequestHeader("Range","bytes="+from+"-"+to);xhr.responseType="arraybuffer";if(xhr.overrideMimeType){xhr.overrideMimeType("text/plain; charset=x-user-defined");}xhr.send(null);if(!(xhr.status>=200&&xhr.status<300||xhr.status===304))abort("Couldn't load "+url+". Status: "+xhr.status);if(xhr.response!==undefined){return new Uint8Array(xhr.response||[])}return intArrayFromString(xhr.responseText??"")};var lazyArray=this;lazyArray.setDataGetter(chunkNum=>{var start=chunkNum*chunkSize;var end=(chunkNum+1)*chunkSize-1;end=Math.min(end,datalength-1);if(typeof lazyArray.chunks[chunkNum]=="undefined"){lazyArray.chunks[chunkNum]=doXHR(start,end);}if(typeof lazyArray.chunks[chunkNum]=="undefined")abort("doXHR failed!");return lazyArray.chunks[chunkNum]});if(usesGzip||!datalength){chunkSize=datalength=1;datalength=this.getter(0).length;chunkSize=datalength;out("LazyFiles on gzip forces download of the whole file when length is accessed");}this._length=datalength;this._chunkSize=chunkSize;this.lengthKnown=true;}get length(){if(!this.lengthKnown){this.cacheLength();}return this._length}get chunkSize(){if(!this.lengthKnown){this.cacheLength();}return this._chunkSize}}if(globalThis.XMLHttpRequest){if(!ENVIRONMENT_IS_WORKER)abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");var lazyArray=new LazyUint8Array;var properties={isDevice:false,contents:lazyArray};}else {var properties={isDevice:false,url};}var node=FS.createFile(parent,name,properties,canRead,canWrite);if(properties.contents){node.contents=properties.contents;}else if(properties.url){node.contents=null;node.url=properties.url;}Object.defineProperties(node,{usedBytes:{get:function(){return this.contents.length}}});var stream_ops={};for(const[key,fn]of Object.entries(node.stream_ops)){stream_ops[key]=(...args)=>{FS.forceLoadFile(node);return fn(...args)};}function writeChunks(stream,buffer,offset,length,position){var contents=stream.node.contents;if(position>=contents.length)return 0;var size=Math.min(contents.length-position,length);if(contents.slice){for(var i=0;i<size;i++){buffer[offset+i]=contents[position+i];}}else {for(var i=0;i<size;i++){buffer[offset+i]=contents.get(position+i);}}return size}stream_ops.read=(stream,buffer,offset,length,position)=>{FS.forceLoadFile(node);return writeChunks(stream,buffer,offset,length,position)};stream_ops.mmap=(stream,length,position,prot,flags)=>{FS.forceLoadFile(node);var ptr=mmapAlloc();if(!ptr){throw new FS.ErrnoError(48)}writeChunks(stream,HEAP8,ptr,length,position);return {ptr,allocated:true}};node.stream_ops=stream_ops;return node}};var SYSCALLS={currentUmask:18,calculateAt(dirfd,path,allowEmpty){if(PATH.isAbs(path)){return path}var dir;if(dirfd===-100){dir=FS.cwd();}else {var dirstream=SYSCALLS.getStreamFromFD(dirfd);dir=dirstream.path;}if(path.length==0){if(!allowEmpty){throw new FS.ErrnoError(44)}return dir}return dir+"/"+path},writeStat(buf,stat){HEAPU32[buf>>2]=stat.dev;HEAPU32[buf+4>>2]=stat.mode;HEAPU32[buf+8>>2]=stat.nlink;HEAPU32[buf+12>>2]=stat.uid;HEAPU32[buf+16>>2]=stat.gid;HEAPU32[buf+20>>2]=stat.rdev;HEAP64[buf+24>>3]=BigInt(stat.size);HEAP32[buf+32>>2]=4096;HEAP32[buf+36>>2]=stat.blocks;var atime=stat.atime.getTime();var mtime=stat.mtime.getTime();var ctime=stat.ctime.getTime();HEAP64[buf+40>>3]=BigInt(Math.floor(atime/1e3));HEAPU32[buf+48>>2]=atime%1e3*1e3*1e3;HEAP64[buf+56>>3]=BigInt(Math.floor(mtime/1e3));HEAPU32[buf+64>>2]=mtime%1e3*1e3*1e3;HEAP64[buf+72>>3]=BigInt(Math.floor(ctime/1e3));HEAPU32[buf+80>>2]=ctime%1e3*1e3*1e3;HEAP64[buf+88>>3]=BigInt(stat.ino);return 0},writeStatFs(buf,stats){HEAPU32[buf+4>>2]=stats.bsize;HEAPU32[buf+60>>2]=stats.bsize;HEAP64[buf+8>>3]=BigInt(stats.blocks);HEAP64[buf+16>>3]=BigInt(stats.bfree);HEAP64[buf+24>>3]=BigInt(stats.bavail);HEAP64[buf+32>>3]=BigInt(stats.files);HEAP64[buf+40>>3]=BigInt(stats.ffree);HEAPU32[buf+48>>2]=stats.fsid;HEAPU32[buf+64>>2]=stats.flags;HEAPU32[buf+56>>2]=stats.namelen;},doMsync(addr,stream,len,flags,offset){if(!FS.isFile(stream.node.mode)){throw new FS.ErrnoError(43)}if(flags&2){return 0}var buffer=HEAPU8.subarray(addr,addr+len);FS.msync(stream,buffer,offset,len,flags);},getStreamFromFD(fd){var stream=FS.getStreamChecked(fd);return stream},varargs:undefined,getStr(ptr){var ret=UTF8ToString(ptr);return ret}};function _fd_close(fd){try{var stream=SYSCALLS.getStreamFromFD(fd);FS.close(stream);return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var doReadv=(stream,iov,iovcnt,offset)=>{var ret=0;for(var i=0;i<iovcnt;i++){var ptr=HEAPU32[iov>>2];var len=HEAPU32[iov+4>>2];iov+=8;try{var curr=FS.read(stream,HEAP8,ptr,len,offset);}catch(e){if(ret>0&&e instanceof FS.ErrnoError&&(e.errno==6||e.errno==6)){break}throw e}if(curr<0)return  -1;ret+=curr;if(curr<len)break;}return ret};function _fd_read(fd,iov,iovcnt,pnum){try{var stream=SYSCALLS.getStreamFromFD(fd);var num=doReadv(stream,iov,iovcnt);HEAPU32[pnum>>2]=num;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var INT53_MAX=9007199254740992;var INT53_MIN=-9007199254740992;var bigintToI53Checked=num=>num<INT53_MIN||num>INT53_MAX?NaN:Number(num);function _fd_seek(fd,offset,whence,newOffset){offset=bigintToI53Checked(offset);try{if(isNaN(offset))return 22;var stream=SYSCALLS.getStreamFromFD(fd);FS.llseek(stream,offset,whence);HEAP64[newOffset>>3]=BigInt(stream.position);if(stream.getdents&&offset===0&&whence===0)stream.getdents=null;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var doWritev=(stream,iov,iovcnt,offset)=>{if(iovcnt==1){return FS.write(stream,HEAP8,HEAPU32[iov>>2],HEAPU32[iov+4>>2],offset)}var total=0;for(var i=0,p=iov;i<iovcnt;i++,p+=8){total+=HEAPU32[p+4>>2];}var view=new Uint8Array(total);var voff=0;for(var i=0;i<iovcnt;i++,iov+=8){var ptr=HEAPU32[iov>>2];var len=HEAPU32[iov+4>>2];view.set(HEAPU8.subarray(ptr,ptr+len),voff);voff+=len;}return FS.write(stream,view,0,total,offset)};function _fd_write(fd,iov,iovcnt,pnum){try{var stream=SYSCALLS.getStreamFromFD(fd);var num=doWritev(stream,iov,iovcnt);HEAPU32[pnum>>2]=num;return 0}catch(e){if(typeof FS=="undefined"||!(e.name==="ErrnoError"))throw e;return e.errno}}var wasmTableMirror=[];var getWasmTableEntry=funcPtr=>{var func=wasmTableMirror[funcPtr];if(!func){wasmTableMirror[funcPtr]=func=wasmTable.get(funcPtr);}return func};var stringToUTF8=(str,outPtr,maxBytesToWrite)=>stringToUTF8Array(str,HEAPU8,outPtr,maxBytesToWrite);FS.createPreloadedFile=FS_createPreloadedFile;FS.preloadFile=FS_preloadFile;FS.staticInit();{if(Module["noExitRuntime"])noExitRuntime=Module["noExitRuntime"];if(Module["print"])out=Module["print"];if(Module["printErr"])err=Module["printErr"];if(Module["arguments"])Module["arguments"];if(Module["thisProgram"])Module["thisProgram"];var preInit=Module["preInit"];if(preInit){if(typeof preInit=="function")Module["preInit"]=preInit=[preInit];while(preInit.length>0){preInit.shift()();}}}Module["getValue"]=getValue;Module["UTF8ToString"]=UTF8ToString;Module["stringToUTF8"]=stringToUTF8;Module["lengthBytesUTF8"]=lengthBytesUTF8;var __emscripten_timeout,_setThrew,__emscripten_stack_restore,_emscripten_stack_get_current,wasmMemory,wasmTable;function assignWasmExports(wasmExports){Module["_wasm_parse_query"]=wasmExports["B"];Module["_malloc"]=wasmExports["C"];Module["_free"]=wasmExports["E"];Module["_wasm_parse_query_raw"]=wasmExports["F"];Module["_wasm_free_parse_result"]=wasmExports["G"];Module["_wasm_parse_plpgsql"]=wasmExports["H"];Module["_wasm_fingerprint"]=wasmExports["I"];Module["_wasm_normalize_query"]=wasmExports["J"];Module["_wasm_parse_query_detailed"]=wasmExports["K"];Module["_wasm_free_detailed_result"]=wasmExports["L"];Module["_wasm_scan"]=wasmExports["M"];Module["_wasm_free_string"]=wasmExports["N"];__emscripten_timeout=wasmExports["O"];_setThrew=wasmExports["P"];__emscripten_stack_restore=wasmExports["Q"];_emscripten_stack_get_current=wasmExports["R"];wasmMemory=wasmExports["z"];wasmTable=wasmExports["D"];}var wasmImports={c:___assert_fail,x:__abort_js,w:__emscripten_runtime_keepalive_clear,p:__emscripten_throw_longjmp,o:__setitimer_js,q:_emscripten_resize_heap,m:_exit,u:_fd_close,r:_fd_read,s:_fd_seek,t:_fd_write,g:invoke_i,b:invoke_ii,a:invoke_iii,d:invoke_iiii,k:invoke_iiiii,l:invoke_ji,e:invoke_v,f:invoke_vi,h:invoke_vii,j:invoke_viii,i:invoke_viiii,y:invoke_viiiii,n:invoke_viiiiiiiiiiiii,v:_proc_exit};function invoke_iii(index,a1,a2){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_ii(index,a1){var sp=stackSave();try{return getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_i(index){var sp=stackSave();try{return getWasmTableEntry(index)()}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_v(index){var sp=stackSave();try{getWasmTableEntry(index)();}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_iiii(index,a1,a2,a3){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2,a3)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_viiii(index,a1,a2,a3,a4){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_viiiiiiiiiiiii(index,a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_iiiii(index,a1,a2,a3,a4){var sp=stackSave();try{return getWasmTableEntry(index)(a1,a2,a3,a4)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_viii(index,a1,a2,a3){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_vi(index,a1){var sp=stackSave();try{getWasmTableEntry(index)(a1);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_vii(index,a1,a2){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_viiiii(index,a1,a2,a3,a4,a5){var sp=stackSave();try{getWasmTableEntry(index)(a1,a2,a3,a4,a5);}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);}}function invoke_ji(index,a1){var sp=stackSave();try{return getWasmTableEntry(index)(a1)}catch(e){stackRestore(sp);if(!(e instanceof EmscriptenEH))throw e;_setThrew(1,0);return 0n}}async function run(){preRun();if(runDependencies){await resolveRunDependencies();}var setStatus=Module["setStatus"];if(setStatus){setStatus("Running...");await new Promise(resolve=>setTimeout(resolve,1));setTimeout(setStatus,1,"");}if(ABORT)return;initRuntime();Module["onRuntimeInitialized"]?.();postRun();}var wasmExports;wasmExports=await createWasm();await run();
return Module}})();{module.exports=PgQueryModule;module.exports.default=PgQueryModule;} 
	} (libpgQuery));
	return libpgQuery.exports;
}

var libpgQueryExports = requireLibpgQuery();
var PgQueryModule = /*@__PURE__*/getDefaultExportFromCjs(libpgQueryExports);

/**
 * DO NOT MODIFY MANUALLY — this is generated from the templates dir
 *
 * To make changes, edit the files in the templates/ directory and run:
 * npm run copy:templates
 */
class SqlError extends Error {
    sqlDetails;
    constructor(message, details) {
        super(message);
        this.name = 'SqlError';
        this.sqlDetails = details;
    }
}
let wasmModule;
const initPromise = PgQueryModule().then((module) => {
    wasmModule = module;
});
function ensureLoaded() {
    if (!wasmModule)
        throw new Error("WASM module not initialized. Call `loadModule()` first.");
}
async function loadModule() {
    if (!wasmModule) {
        await initPromise;
    }
}
function stringToPtr(str) {
    ensureLoaded();
    if (typeof str !== 'string') {
        throw new TypeError(`Expected a string, got ${typeof str}`);
    }
    const len = wasmModule.lengthBytesUTF8(str) + 1;
    const ptr = wasmModule._malloc(len);
    try {
        wasmModule.stringToUTF8(str, ptr, len);
        return ptr;
    }
    catch (error) {
        wasmModule._free(ptr);
        throw error;
    }
}
function ptrToString(ptr) {
    ensureLoaded();
    if (typeof ptr !== 'number') {
        throw new TypeError(`Expected a number, got ${typeof ptr}`);
    }
    return wasmModule.UTF8ToString(ptr);
}
// Sync versions
function parseSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    // Input validation
    if (query === null || query === undefined) {
        throw new Error('Query cannot be null or undefined');
    }
    if (query === '') {
        throw new Error('Query cannot be empty');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
            throw new Error('Failed to parse query: memory allocation failed');
        }
        // Read the PgQueryParseResult struct
        const parseTreePtr = wasmModule.getValue(resultPtr, 'i32');
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, 'i32');
        const errorPtr = wasmModule.getValue(resultPtr + 8, 'i32');
        if (errorPtr) {
            // Read PgQueryError struct
            const messagePtr = wasmModule.getValue(errorPtr, 'i32');
            const funcnamePtr = wasmModule.getValue(errorPtr + 4, 'i32');
            const filenamePtr = wasmModule.getValue(errorPtr + 8, 'i32');
            const lineno = wasmModule.getValue(errorPtr + 12, 'i32');
            const cursorpos = wasmModule.getValue(errorPtr + 16, 'i32');
            const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : 'Unknown error';
            const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : undefined;
            const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : undefined;
            throw new SqlError(message, {
                message,
                cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0, // Convert to 0-based
                fileName: filename,
                functionName: funcname,
                lineNumber: lineno > 0 ? lineno : undefined
            });
        }
        if (!parseTreePtr) {
            throw new Error('No parse tree generated');
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_parse_result(resultPtr);
        }
    }
}
function parsePlPgSQLSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        // Success is always a JSON object; anything else is an error message
        if (!resultStr.startsWith('{')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}
function scanSync(query) {
    if (!wasmModule) {
        throw new Error('WASM module not initialized. Call loadModule() first.');
    }
    const queryPtr = stringToPtr(query);
    let resultPtr = 0;
    try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith('syntax error') || resultStr.startsWith('deparse error') || resultStr.startsWith('ERROR')) {
            throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
    }
    finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
            wasmModule._wasm_free_string(resultPtr);
        }
    }
}

// The one wrapper around libpg-query: loads the WASM module once, parses synchronously.
let loaded;
/** Loads the parser; call (and await) once before any parse. */
function loadParser() {
    loaded ??= loadModule();
    return loaded;
}
function parseSql(sql) {
    try {
        const result = parseSync(sql);
        return { ok: true, stmts: result.stmts ?? [] };
    }
    catch (error) {
        return { ok: false, error: toFailure(error) };
    }
}
function parsePlpgsql(functionSql) {
    try {
        return { ok: true, tree: parsePlPgSQLSync(functionSql) };
    }
    catch (error) {
        return { ok: false, error: toFailure(error) };
    }
}
/** Lexes SQL; returns undefined where the lexer itself fails (unterminated quote). */
function scanSql(sql) {
    try {
        return scanSync(sql).tokens;
    }
    catch {
        return undefined;
    }
}
function toFailure(error) {
    const details = error.sqlDetails;
    const message = details?.message ?? (error instanceof Error ? error.message : String(error));
    return { message, cursor: Math.max(0, details?.cursorPosition ?? 0) };
}

const WRAP_TAG = '$ec_do_body$';
/** Statements run by a `DO` block whose node is given; `base` makes its locations absolute. */
function doBlockStatements(src, doStmt, base) {
    const args = (doStmt.args ?? []);
    let language = 'plpgsql';
    let body;
    for (const a of args) {
        const d = a.DefElem;
        if (!d)
            continue;
        const sval = (d.arg?.String?.sval ?? '');
        if (d.defname === 'language')
            language = sval.toLowerCase();
        if (d.defname === 'as')
            body = { text: sval, location: base + (d.location ?? 0) };
    }
    if (!body || language !== 'plpgsql')
        return { stmts: [], diagnostics: [] };
    // Where the body text begins in the file: after the opening quote or dollar tag.
    const literal = src.slice(body.location, Math.min(src.byteLength, body.location + 64));
    const tag = /^\$[A-Za-z_0-9]*\$/.exec(literal)?.[0] ?? (/^[eE]?'/.exec(literal)?.[0] || '');
    const bodyStart = body.location + Buffer.byteLength(tag, 'utf8');
    return functionBodyStatements(src, body.text, bodyStart);
}
function functionBodyStatements(src, bodyText, bodyStart) {
    const diagnostics = [];
    const stmts = [];
    const bodyLine = src.position(bodyStart).line;
    const wrapped = `CREATE FUNCTION ec_do() RETURNS void LANGUAGE plpgsql AS ${WRAP_TAG}${bodyText}${WRAP_TAG}`;
    const tree = parsePlpgsql(wrapped);
    if (!tree.ok) {
        const { line, column } = src.position(bodyStart);
        diagnostics.push({
            rule: 'unanalysed-sql',
            severity: 'warning',
            line,
            column,
            message: `The PL/pgSQL body cannot be parsed (${tree.error.message}), so the statements it runs were not analysed; check them by hand.`,
        });
        return { stmts, diagnostics };
    }
    let searchFrom = bodyStart;
    const visit = (node) => {
        if (Array.isArray(node)) {
            for (const n of node)
                visit(n);
            return;
        }
        if (!node || typeof node !== 'object')
            return;
        for (const [key, value] of Object.entries(node)) {
            if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_dynexecute') {
                const v = value;
                const expr = (key === 'PLpgSQL_stmt_execsql' ? v.sqlstmt : v.query)?.PLpgSQL_expr;
                const query = expr?.query ?? '';
                const lineno = v.lineno ?? 1;
                const lineStart = Math.max(searchFrom, src.lineStart(bodyLine + lineno - 1));
                const at = findText(src, query, lineStart);
                if (at >= 0)
                    searchFrom = at + Buffer.byteLength(query, 'utf8');
                const where = at >= 0 ? at : src.lineStart(bodyLine + lineno - 1);
                if (key === 'PLpgSQL_stmt_execsql')
                    addStatic(query, where, false);
                else
                    addDynamic(query, where);
            }
            else
                visit(value);
        }
    };
    const addStatic = (query, at, dynamic) => {
        const parsed = parseSql(query);
        if (!parsed.ok) {
            const { line, column } = src.position(at);
            diagnostics.push({
                rule: 'unanalysed-sql',
                severity: 'warning',
                line,
                column,
                message: `A statement inside the PL/pgSQL body cannot be parsed (${parsed.error.message}); check it by hand.`,
            });
            return;
        }
        for (const r of parsed.stmts) {
            const start = at + (r.stmt_location ?? 0);
            const end = r.stmt_len ? start + r.stmt_len : at + Buffer.byteLength(query, 'utf8');
            stmts.push({ stmt: r.stmt, start, end, base: at, dynamic });
            const inner = r.stmt.DoStmt;
            if (inner) {
                const nested = doBlockStatements(src, inner, at);
                stmts.push(...nested.stmts);
                diagnostics.push(...nested.diagnostics);
            }
        }
    };
    const addDynamic = (query, at) => {
        const constant = constantString(query);
        if (constant !== undefined) {
            // The string's content starts after its opening quote.
            addStatic(constant, at + (query.trimStart().startsWith('E') ? 2 : 1), true);
            return;
        }
        const { line, column } = src.position(at);
        diagnostics.push({
            rule: 'unanalysed-sql',
            severity: 'warning',
            line,
            column,
            message: `EXECUTE of a string built at run time (${truncate$1(query)}) cannot be analysed; review the statement it runs by hand, or write it as static SQL.`,
        });
    };
    const root = tree.tree.plpgsql_funcs ?? [];
    visit(root);
    return { stmts, diagnostics };
}
/** The value of an expression that is one string constant, else undefined. */
function constantString(expr) {
    const parsed = parseSql(`SELECT ${expr}`);
    if (!parsed.ok || parsed.stmts.length !== 1)
        return undefined;
    const select = parsed.stmts[0]?.stmt.SelectStmt;
    const target = select?.targetList?.[0];
    const val = target?.ResTarget?.val;
    if (select?.targetList?.length !== 1 || !val)
        return undefined;
    const sval = val.A_Const?.sval?.sval;
    return typeof sval === 'string' ? sval : undefined;
}
function findText(src, needle, fromByte) {
    if (!needle)
        return -1;
    const idx = src.bytes.indexOf(needle, fromByte, 'utf8');
    return idx;
}
function truncate$1(s) {
    const one = s.replace(/\s+/g, ' ').trim();
    return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

function stripPsqlOnly(text) {
    // Only a line that starts with a backslash, or a COPY from stdin, needs the line-by-line pass.
    if (!/^[ \t]*\\/m.test(text) && !/from\s+stdin/i.test(text))
        return { text, diagnostics: [] };
    const lines = text.split('\n');
    const diagnostics = [];
    let inCopy = false;
    let copyStart = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (inCopy) {
            if (/^\\\.\r?$/.test(line)) {
                inCopy = false;
                diagnostics.push({
                    rule: 'input-error',
                    severity: 'notice',
                    line: copyStart,
                    column: 1,
                    message: `COPY ... FROM stdin data (lines ${copyStart + 1}-${i + 1}) is psql input, not SQL; it was skipped.`,
                });
            }
            lines[i] = blank(line);
            continue;
        }
        const meta = /^(\s*)\\([a-zA-Z!?][\w!?]*)/.exec(line);
        if (meta) {
            diagnostics.push({
                rule: 'input-error',
                severity: 'warning',
                line: i + 1,
                column: meta[1].length + 1,
                message: `psql meta-command \\${meta[2]} is not SQL and was not analysed; migration tools other than psql reject it, so move it out of the migration.`,
            });
            lines[i] = blank(line);
            continue;
        }
        if (/\bfrom\s+stdin\b/i.test(line) && /^\s*copy\b/i.test(line)) {
            inCopy = true;
            copyStart = i + 1;
        }
    }
    if (inCopy) {
        diagnostics.push({
            rule: 'input-error',
            severity: 'error',
            line: copyStart,
            column: 1,
            message: 'COPY ... FROM stdin data is not terminated by a line holding only \\. ; end the data with \\. or load it outside the migration.',
        });
    }
    return { text: lines.join('\n'), diagnostics };
}
function blank(line) {
    return line.replace(/[^\r]/g, ' ');
}
/**
 * psql interpolates `:name`, `:'name'` and `:"name"` before the server sees the text. For files that
 * psql runs (sqitch, plain SQL), the colon becomes a space so the variable reads as the identifier or
 * string psql would put there; offsets and lengths are unchanged.
 */
function blankPsqlVariables(text, tokens) {
    if (!tokens || !text.includes(':'))
        return text;
    const bytes = Buffer.from(text, 'utf8');
    let changed = false;
    for (let i = 0; i + 1 < tokens.length; i++) {
        const colon = tokens[i];
        const next = tokens[i + 1];
        if (colon.text !== ':' || next.start !== colon.end)
            continue;
        if (next.tokenName !== 'IDENT' && next.tokenName !== 'SCONST' && !/^[A-Za-z_]/.test(next.text))
            continue;
        const before = tokens[i - 1];
        // `a[1:n]` is an array slice, not a variable.
        if (before && (before.text === '[' || before.text === ':'))
            continue;
        bytes[colon.start] = 32;
        changed = true;
    }
    return changed ? bytes.toString('utf8') : text;
}

function parseWithRecovery(src) {
    if (src.text.trim() === '')
        return { stmts: [], diagnostics: [] };
    const whole = parseSql(src.text);
    if (whole.ok)
        return { stmts: place$1(whole.stmts, 0, src.byteLength), diagnostics: [] };
    const diagnostics = [];
    const stmts = [];
    const tokens = scanSql(src.text);
    if (!tokens) {
        // The lexer failed too (an unterminated quote): keep what precedes the failing statement.
        const errorAt = src.byteOffsetOfChar(whole.error.cursor);
        diagnostics.push(syntaxError(src, errorAt, whole.error.message));
        const prefixEnd = lastSemicolonBefore(src, errorAt);
        if (prefixEnd > 0) {
            const prefix = parseWithRecovery(subSource(src, prefixEnd));
            stmts.push(...prefix.stmts);
            diagnostics.push(...prefix.diagnostics.filter((d) => d.line !== diagnostics[0]?.line));
        }
        return { stmts, diagnostics };
    }
    // Chunk boundaries: after each top-level ';'.
    const bounds = [];
    let start = 0;
    for (const t of tokens) {
        if (t.text === ';') {
            bounds.push([start, t.end]);
            start = t.end;
        }
    }
    if (start < src.byteLength)
        bounds.push([start, src.byteLength]);
    let i = 0;
    while (i < bounds.length) {
        const [cStart] = bounds[i];
        // A chunk may need its neighbours (a BEGIN ATOMIC body holds top-level semicolons).
        let parsed;
        let firstError;
        let used = 0;
        for (let n = 0; n < 8 && i + n < bounds.length; n++) {
            const cEnd = bounds[i + n][1];
            const attempt = parseSql(src.slice(cStart, cEnd));
            if (attempt.ok) {
                parsed = attempt;
                used = n + 1;
                break;
            }
            firstError ??= attempt;
            if (!/BEGIN\s+ATOMIC/i.test(src.slice(cStart, cEnd)))
                break;
        }
        if (parsed?.ok) {
            const cEnd = bounds[i + used - 1][1];
            stmts.push(...place$1(parsed.stmts, cStart, cEnd));
            i += used;
        }
        else {
            const cEnd = bounds[i][1];
            const chunk = src.slice(cStart, cEnd);
            const err = firstError && !firstError.ok ? firstError.error : { message: 'syntax error', cursor: 0 };
            const at = cStart + Buffer.byteLength(chunk.slice(0, err.cursor), 'utf8');
            diagnostics.push(syntaxError(src, at, err.message));
            i += 1;
        }
    }
    return { stmts, diagnostics };
}
function place$1(raw, base, end) {
    // libpg-query starts each statement after its leading comments; the region of a statement begins
    // where the previous one ended, so the comments above it (ignore directives) stay with it.
    let previousEnd = base;
    return raw.map((r) => {
        const located = base + (r.stmt_location ?? 0);
        const stop = r.stmt_len ? located + r.stmt_len : end;
        const placed = { stmt: r.stmt, start: Math.min(previousEnd, located), end: stop, base };
        previousEnd = stop;
        return placed;
    });
}
function syntaxError(src, byteOffset, message) {
    const { line, column } = src.position(byteOffset);
    return {
        rule: 'syntax-error',
        severity: 'error',
        line,
        column,
        message: `PostgreSQL cannot parse this statement: ${message}. Fix the SQL; the statement was not analysed.`,
    };
}
function lastSemicolonBefore(src, byteOffset) {
    const head = src.bytes.subarray(0, byteOffset);
    return head.lastIndexOf(59) + 1;
}
function subSource(src, byteEnd) {
    // Same lines and columns: the prefix of the text.
    const Ctor = src.constructor;
    return new Ctor(src.slice(0, byteEnd));
}

// Maps UTF-8 byte offsets (what libpg-query reports) to 1-based lines and columns.
class SourceText {
    text;
    bytes;
    /** Byte offset at which each line starts. */
    lineStarts;
    constructor(text) {
        this.text = text;
        this.bytes = Buffer.from(text, 'utf8');
        const starts = [0];
        for (let i = 0; i < this.bytes.length; i++)
            if (this.bytes[i] === 10)
                starts.push(i + 1);
        this.lineStarts = starts;
    }
    get byteLength() {
        return this.bytes.length;
    }
    /** 1-based line and column (in characters) of a byte offset. */
    position(byteOffset) {
        const offset = Math.max(0, Math.min(byteOffset, this.bytes.length));
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        const start = this.lineStarts[lo];
        const column = this.bytes.subarray(start, offset).toString('utf8').length + 1;
        return { line: lo + 1, column };
    }
    /** Text between two byte offsets. */
    slice(byteStart, byteEnd) {
        return this.bytes.subarray(byteStart, byteEnd).toString('utf8');
    }
    /** Byte offset of a character index in `text`. */
    byteOffsetOfChar(charIndex) {
        return Buffer.byteLength(this.text.slice(0, charIndex), 'utf8');
    }
    /** Byte offset of the start of a 1-based line. */
    lineStart(line) {
        return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))];
    }
    get lineCount() {
        return this.lineStarts.length;
    }
}
/**
 * Skips white space and SQL comments (`--` to end of line, nested `/* *\/`) from a byte
 * offset; returns the offset of the first token and the comment lines passed over.
 */
function skipTrivia(src, from, to) {
    const b = src.bytes;
    const comments = [];
    let i = from;
    while (i < to) {
        const c = b[i];
        // White space, and the semicolon that ended the previous statement.
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 59) {
            i++;
        }
        else if (c === 45 && b[i + 1] === 45) {
            let j = i;
            while (j < to && b[j] !== 10)
                j++;
            comments.push({ text: src.slice(i, j).replace(/\r$/, ''), line: src.position(i).line });
            i = j;
        }
        else if (c === 47 && b[i + 1] === 42) {
            let depth = 0;
            let j = i;
            while (j < to) {
                if (b[j] === 47 && b[j + 1] === 42) {
                    depth++;
                    j += 2;
                }
                else if (b[j] === 42 && b[j + 1] === 47) {
                    depth--;
                    j += 2;
                    if (depth === 0)
                        break;
                }
                else
                    j++;
            }
            comments.push({ text: src.slice(i, j), line: src.position(i).line });
            i = j;
        }
        else
            break;
    }
    return { offset: i, comments };
}

function parseFile(file) {
    const pre = stripPsqlOnly(file.sql);
    const psqlRun = file.framework === 'sqitch' || file.framework === 'sql';
    const text = psqlRun && /(?<![:\w]):["'A-Za-z_]/.test(pre.text)
        ? blankPsqlVariables(pre.text, scanSql(pre.text))
        : pre.text;
    const src = new SourceText(text);
    const { stmts, diagnostics } = parseWithRecovery(src);
    diagnostics.push(...pre.diagnostics);
    const statements = [];
    let txCounter = 0;
    let explicitTx;
    // The framework's own transaction lasts until the file's SQL ends it with COMMIT or ROLLBACK (drizzle
    // and dbmate files do, to run CREATE INDEX CONCURRENTLY after it); then statements run in autocommit.
    let fileTx = file.transactional ? ++txCounter : undefined;
    const add = (p, tx, plpgsql) => {
        const trivia = skipTrivia(src, p.start, p.end);
        const kind = Object.keys(p.stmt)[0] ?? 'Unknown';
        const text = src.slice(trivia.offset, p.end).replace(/;\s*$/, '').trimEnd();
        const pos = src.position(trivia.offset);
        statements.push({
            index: statements.length,
            node: p.stmt,
            kind,
            text,
            byteStart: trivia.offset,
            line: pos.line,
            column: pos.column,
            locate: (location) => src.position(location === undefined || location < 0 ? trivia.offset : p.base + location),
            textLocation: (byteOffsetInText) => trivia.offset - p.base + byteOffsetInText,
            inTransaction: tx.inTransaction,
            transactionId: tx.id,
            ...(plpgsql ? { plpgsql } : {}),
            leadingComments: trivia.comments,
        });
    };
    for (const p of stmts) {
        const kind = Object.keys(p.stmt)[0];
        if (kind === 'TransactionStmt') {
            const k = p.stmt.TransactionStmt.kind;
            // BEGIN inside the framework's transaction only warns in PostgreSQL: the same transaction goes on.
            if ((k === 'TRANS_STMT_BEGIN' || k === 'TRANS_STMT_START') && fileTx === undefined)
                explicitTx = ++txCounter;
            add(p, currentTx());
            if (k === 'TRANS_STMT_COMMIT' || k === 'TRANS_STMT_ROLLBACK') {
                explicitTx = undefined;
                fileTx = undefined;
            }
            continue;
        }
        const tx = currentTx();
        add(p, tx);
        if (kind === 'DoStmt') {
            const inner = doBlockStatements(src, p.stmt.DoStmt, p.base);
            diagnostics.push(...inner.diagnostics);
            for (const s of inner.stmts)
                add(s, tx, { dynamic: s.dynamic });
        }
    }
    function currentTx() {
        if (fileTx !== undefined)
            return { inTransaction: true, id: fileTx };
        if (explicitTx !== undefined)
            return { inTransaction: true, id: explicitTx };
        return { inTransaction: false, id: ++txCounter };
    }
    return { file, statements, diagnostics: [...file.diagnostics, ...diagnostics] };
}

/** Fills `{{name}}` slots of a rule's message template. */
function ruleMessage(meta, messageId, data = {}) {
    const template = meta.messages[messageId];
    if (template === undefined)
        throw new Error(`rule ${meta.id} has no message '${messageId}'`);
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => key in data ? String(data[key]) : `{{${key}}}`);
}
/** The docs page of a rule, relative to the repository root. */
function ruleDocs(id) {
    return `docs/rules/${id}.md`;
}
/** Findings the engine reports itself, not through a rule in the registry. */
const BUILTIN_RULE_IDS = [
    'expired-ignore',
    'input-error',
    'invalid-ignore',
    'syntax-error',
    'unanalysed-sql',
    'unused-ignore',
];

const addingEnumValue = {
    meta: {
        id: 'adding-enum-value',
        type: 'advisory',
        description: 'ALTER TYPE ... ADD VALUE in a transaction, used in the same transaction, or placed among existing values.',
        severity: 'warning',
        breaking: false,
        messages: {
            inTransaction: '`ALTER TYPE {{type}} ADD VALUE` cannot run inside a transaction block on PostgreSQL {{version}} (before 12), so this migration fails; run it in a migration of its own without a transaction.',
            usedInTransaction: 'The new value {{value}} of `{{type}}` is used on line {{line}} in the same transaction, which PostgreSQL rejects with "unsafe use of new value" until the `ADD VALUE` commits; move the statements that use it to a later migration.',
            placed: '`ADD VALUE {{value}} {{placement}} {{neighbor}}` puts the new value among the existing ones of `{{type}}`, so `ORDER BY`, `<`/`>` comparisons and `min`/`max` on the column now rank rows in an order the running code does not expect, and comparisons with it are slower; add it at the end unless the order is meant to change.',
        },
        help: 'Add enum values in a migration of their own, at the end of the list, and use them only from the next migration on.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'AlterEnumStmt')
            return;
        const n = statement.node.AlterEnumStmt;
        // RENAME VALUE has oldVal; only ADD VALUE is checked.
        if (n.oldVal || typeof n.newVal !== 'string')
            return;
        const typeName = listName(n.typeName);
        const value = n.newVal;
        const known = ctx.catalog.type(typeName);
        if (n.skipIfNewValExists && known?.values.includes(value))
            return;
        const data = { type: typeName.key, value: quoteLiteral(value) };
        // A type created in the same transaction may take new values there and use them at once.
        if (!createdInThisTransaction(typeName, ctx)) {
            const inBlock = statement.inTransaction || statement.plpgsql !== undefined;
            if (inBlock && ctx.postgresVersion < 12) {
                ctx.report({
                    messageId: 'inTransaction',
                    data: { ...data, version: ctx.postgresVersion },
                    object: typeName.key,
                    severity: 'error',
                });
            }
            else if (statement.inTransaction) {
                const use = laterUse(statement, ctx, typeName, value);
                if (use) {
                    ctx.report({
                        messageId: 'usedInTransaction',
                        data: { ...data, line: use.line },
                        object: typeName.key,
                        severity: 'error',
                    });
                }
            }
        }
        const neighbor = n.newValNeighbor;
        if (typeof neighbor !== 'string' || ctx.catalog.isNewType(typeName))
            return;
        // AFTER the last value is the same as adding at the end.
        if (n.newValIsAfter && known && known.values[known.values.length - 1] === neighbor)
            return;
        ctx.report({
            messageId: 'placed',
            data: { ...data, placement: n.newValIsAfter ? 'AFTER' : 'BEFORE', neighbor: quoteLiteral(neighbor) },
            object: typeName.key,
            severity: 'notice',
        });
    },
};
function createdInThisTransaction(typeName, ctx) {
    return ctx.tx.previous.some((s) => {
        const [kind, n] = unwrap(s.node);
        return kind === 'CreateEnumStmt' && listName(n.typeName).key === typeName.key;
    });
}
/**
 * The first later statement of the same transaction that writes the value as a string constant and can
 * be about this type: it names the type, or touches a table with a column of it (or one we do not know).
 */
function laterUse(statement, ctx, typeName, value) {
    return ctx.fileStatements.find((s) => {
        if (s.index <= statement.index || !s.inTransaction || s.transactionId !== statement.transactionId)
            return false;
        let usesValue = false;
        let related = false;
        walk(s.node, (key, node) => {
            if (key === 'A_Const' && node.sval?.sval === value)
                usesValue = true;
            else if (key === 'TypeName' || key === 'typeName')
                related ||= typeRef(node).name === typeName.name;
            else if (key === 'RangeVar' || key === 'relation')
                related ||= hasColumnOfType(ctx, rangeVarName(node), typeName);
        });
        return usesValue && related;
    });
}
function hasColumnOfType(ctx, table, typeName) {
    const rel = ctx.catalog.relation(table);
    // A table the history never showed: its columns are unknown, so it may well use the type.
    if (!rel)
        return true;
    return [...rel.columns.values()].some((c) => c.type.name === typeName.name);
}
function quoteLiteral(value) {
    return `'${value.replace(/'/g, "''")}'`;
}

function perStatement(fn) {
    const cache = new WeakMap();
    return (statement, ...args) => {
        if (cache.has(statement))
            return cache.get(statement);
        const value = fn(statement, ...args);
        cache.set(statement, value);
        return value;
    };
}

// Readers over ALTER TABLE statements shared by the rules: the target table, its commands, column
// definitions and defaults, and whether a later statement of the release gives a column a default again.
const TABLES = ['OBJECT_TABLE', 'OBJECT_FOREIGN_TABLE'];
/** Reads an `ALTER TABLE` (of one of `objtypes`, tables by default); undefined for anything else. */
function readAlterTable(statement, objtypes = TABLES) {
    const alter = readAnyAlterTable(statement);
    return alter && objtypes.includes(alter.objtype) ? alter : undefined;
}
const readAnyAlterTable = perStatement((statement) => {
    if (statement.kind !== 'AlterTableStmt')
        return undefined;
    const n = (statement.node.AlterTableStmt ?? {});
    const objtype = typeof n.objtype === 'string' ? n.objtype : '';
    const cmds = [];
    for (const c of Array.isArray(n.cmds) ? n.cmds : []) {
        const [kind, cmd] = unwrap(c);
        if (kind !== 'AlterTableCmd')
            continue;
        cmds.push({
            subtype: typeof cmd.subtype === 'string' ? cmd.subtype : '',
            name: typeof cmd.name === 'string' ? cmd.name : undefined,
            def: cmd.def && typeof cmd.def === 'object' ? cmd.def : undefined,
            cascade: cmd.behavior === 'DROP_CASCADE',
            missingOk: Boolean(cmd.missing_ok),
            index: cmds.length,
        });
    }
    return { table: rangeVarName(n.relation), objtype, cmds };
});
/** The `ColumnDef` body of an ADD COLUMN or ALTER COLUMN TYPE command. */
function columnDef(cmd) {
    const d = cmd.def?.ColumnDef;
    return d && typeof d === 'object' ? d : undefined;
}
/** The `location` of a node body, when libpg-query gives one. */
function locationOf$1(node) {
    const l = node?.location;
    return typeof l === 'number' && l >= 0 ? l : undefined;
}
/** True for `NULL` and `NULL::type` (a default that is no default). */
function isNullExpr(expr) {
    const [kind, n] = unwrap(expr);
    if (kind === 'A_Const')
        return Boolean(n.isnull);
    if (kind === 'TypeCast')
        return isNullExpr(n.arg);
    return false;
}
function constraints(def) {
    const list = Array.isArray(def.constraints) ? def.constraints : [];
    return list
        .map((c) => unwrap(c))
        .filter(([k]) => k === 'Constraint')
        .map(([, body]) => body);
}
/** True when a column definition says NOT NULL (or PRIMARY KEY, which implies it). */
function declaresNotNull(def) {
    if (def.is_not_null)
        return true;
    return constraints(def).some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
}
/** True when inserts that omit the column still get a value: a non-NULL default, identity, generated, serial. */
function definesValue(def) {
    if (def.raw_default && !isNullExpr(def.raw_default))
        return true;
    if (def.identity || def.generated)
        return true;
    if (/^(small|big)?serial[248]?$/.test(typeRef(def.typeName).name))
        return true;
    return constraints(def).some((c) => (c.contype === 'CONSTR_DEFAULT' && !isNullExpr(c.raw_expr)) ||
        c.contype === 'CONSTR_IDENTITY' ||
        c.contype === 'CONSTR_GENERATED');
}
/** True when the command gives `column` a value on insert again: SET DEFAULT (not NULL) or ADD ... IDENTITY. */
function givesDefault(cmd, column) {
    if (cmd.name !== column)
        return false;
    if (cmd.subtype === 'AT_ColumnDefault')
        return cmd.def !== undefined && !isNullExpr(cmd.def);
    return cmd.subtype === 'AT_AddIdentity';
}
/** True when one of `statements` gives `table`.`column` a default (or identity) again. */
function defaultSetIn(statements, table, column) {
    return statements.some((s) => {
        const alter = readAlterTable(s);
        return alter?.table.key === table.key && alter.cmds.some((c) => givesDefault(c, column));
    });
}
/**
 * The `location` of an ALTER TABLE command, which libpg-query does not give: the first token of the
 * command, found by splitting the statement's text at its top-level commas. Lexes only when asked.
 */
function cmdLocation(statement, cmd) {
    const starts = commandStarts(statement);
    const at = starts?.[cmd.index];
    return at === undefined ? undefined : statement.textLocation(at);
}
const commandStarts = perStatement((statement) => {
    const tokens = scanSql(statement.text)?.filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT');
    const relation = statement.node.AlterTableStmt?.relation;
    if (!tokens || typeof relation?.location !== 'number')
        return undefined;
    // `ALTER TABLE [IF EXISTS] [ONLY] [schema.]name [*]`, then the commands, split at top-level commas.
    const relByte = relation.location - statement.textLocation(0);
    let i = tokens.findIndex((t) => t.start === relByte);
    if (i < 0)
        return undefined;
    i++;
    while (tokens[i]?.text === '.')
        i += 2;
    if (tokens[i]?.text === '*')
        i++;
    const first = tokens[i];
    if (!first)
        return undefined;
    const starts = [first.start];
    let depth = 0;
    for (let j = i; j < tokens.length; j++) {
        const t = tokens[j];
        if (t.text === '(')
            depth++;
        else if (t.text === ')')
            depth--;
        else if (t.text === ',' && depth === 0 && tokens[j + 1])
            starts.push(tokens[j + 1].start);
    }
    return starts;
});

// Readers shared by the blocking (lock) rules: constraints an ALTER TABLE adds, with the names
// PostgreSQL gives them, and columns an ALTER TABLE adds.
/** True when running code can be using the table: one the model does not know, or one older than this release. */
function isExistingTable(catalog, table) {
    return !catalog.isNewRelation(table);
}
/** Constraints added by an ALTER TABLE: ADD CONSTRAINT commands and column constraints of ADD COLUMN. */
function computeAddedConstraints(statement) {
    const alter = readAlterTable(statement);
    if (!alter)
        return [];
    const out = [];
    for (const cmd of alter.cmds) {
        if (cmd.subtype === 'AT_AddConstraint') {
            const [kind, con] = unwrap(cmd.def);
            if (kind === 'Constraint')
                out.push(read(alter.table, con));
        }
        else if (cmd.subtype === 'AT_AddColumn') {
            const def = columnDef(cmd);
            if (!def)
                continue;
            for (const c of Array.isArray(def.constraints) ? def.constraints : []) {
                const [kind, con] = unwrap(c);
                if (kind === 'Constraint')
                    out.push(read(alter.table, con, def));
            }
        }
    }
    return out;
}
const addedConstraints = perStatement(computeAddedConstraints);
function read(table, con, column) {
    const contype = String(con.contype ?? '');
    const own = column ? [String(column.colname ?? '')] : [];
    const columns = own.length ? own : strings(contype === 'CONSTR_FOREIGN' ? con.fk_attrs : con.keys);
    if (contype === 'CONSTR_EXCLUSION' && !columns.length) {
        for (const e of Array.isArray(con.exclusions) ? con.exclusions : []) {
            const [, list] = unwrap(e);
            const [, elem] = unwrap((Array.isArray(list.items) ? list.items : [])[0]);
            if (typeof elem.name === 'string')
                columns.push(elem.name);
        }
    }
    const name = typeof con.conname === 'string' ? con.conname : defaultConstraintName(table, contype, columns, con);
    return {
        table,
        con,
        contype,
        name,
        columns,
        location: locationOf$1(con),
        ...(column ? { column } : {}),
        notValid: Boolean(con.skip_validation) && !column,
        // libpg-query writes is_enforced: true for CHECK and FOREIGN KEY unless NOT ENFORCED; other kinds omit it.
        enforced: con.is_enforced === true || (contype !== 'CONSTR_CHECK' && contype !== 'CONSTR_FOREIGN'),
    };
}
const SUFFIX = {
    CONSTR_PRIMARY: 'pkey',
    CONSTR_UNIQUE: 'key',
    CONSTR_FOREIGN: 'fkey',
    CONSTR_CHECK: 'check',
    CONSTR_EXCLUSION: 'excl',
    CONSTR_NOTNULL: 'not_null',
};
/**
 * The name PostgreSQL gives an unnamed constraint: `orders_pkey`, `orders_user_id_fkey`, `orders_a_b_key`,
 * and for CHECK `orders_total_check` when the expression names one column, else `orders_check`.
 */
function defaultConstraintName(table, contype, columns, con) {
    const suffix = SUFFIX[contype] ?? 'key';
    if (contype === 'CONSTR_PRIMARY')
        return `${table.name}_pkey`;
    let cols = columns;
    if (contype === 'CONSTR_CHECK' && !cols.length && con) {
        const refs = new Set();
        walk(con.raw_expr, (key, value) => {
            if (key === 'ColumnRef')
                refs.add(strings(value.fields).pop() ?? '');
        });
        cols = refs.size === 1 ? [...refs] : [];
    }
    return [table.name, ...cols, suffix].join('_');
}
/**
 * True when PostgreSQL skips checking existing rows for the foreign keys of ADD COLUMN ... REFERENCES:
 * the new column is all NULL, unless an added column has a default or the statement also adds a
 * table-level FOREIGN KEY (`transformAlterTableStmt`).
 */
function columnForeignKeysSkipValidation(cmds) {
    for (const cmd of cmds) {
        if (cmd.subtype === 'AT_AddColumn') {
            const def = columnDef(cmd);
            if (!def)
                continue;
            if (def.raw_default)
                return false;
            const cons = Array.isArray(def.constraints) ? def.constraints : [];
            if (cons.some((c) => unwrap(c)[1].contype === 'CONSTR_DEFAULT'))
                return false;
        }
        else if (cmd.subtype === 'AT_AddConstraint' && unwrap(cmd.def)[1].contype === 'CONSTR_FOREIGN') {
            return false;
        }
    }
    return true;
}
/** Columns added by an ALTER TABLE, in order. */
function addedColumns(statement) {
    const alter = readAlterTable(statement);
    if (!alter)
        return [];
    const out = [];
    for (const cmd of alter.cmds) {
        if (cmd.subtype !== 'AT_AddColumn')
            continue;
        const def = columnDef(cmd);
        if (!def)
            continue;
        out.push({
            table: alter.table,
            def,
            name: String(def.colname ?? ''),
            location: locationOf$1(def),
            constraints: (Array.isArray(def.constraints) ? def.constraints : [])
                .map((c) => unwrap(c))
                .filter(([k]) => k === 'Constraint')
                .map(([, body]) => body),
        });
    }
    return out;
}
/** The referenced table of a FOREIGN KEY constraint. */
function referencedTable(con) {
    return rangeVarName(con.pktable);
}

const addingExclusionConstraint = {
    meta: {
        id: 'adding-exclusion-constraint',
        type: 'blocking',
        description: 'Adding an EXCLUDE constraint to an existing table, which builds its index under ACCESS EXCLUSIVE with no concurrent alternative.',
        severity: 'error',
        breaking: false,
        messages: {
            add: 'Adding exclusion constraint `{{constraint}}` builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until the index is built, and PostgreSQL has no concurrent way to add one.',
        },
        help: 'Add the constraint while the table is small or in a maintenance window with a short lock_timeout, or enforce the rule another way (a trigger, or a new table created with the constraint and swapped in); there is no CONCURRENTLY or NOT VALID form.',
    },
    check(statement, ctx) {
        for (const c of addedConstraints(statement)) {
            if (c.contype !== 'CONSTR_EXCLUSION' || !isExistingTable(ctx.catalog, c.table))
                continue;
            ctx.report({
                messageId: 'add',
                data: { constraint: c.name, table: c.table.key },
                location: c.location,
                object: `${c.table.key}.${c.name}`,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

const addingFieldWithDefault = {
    meta: {
        id: 'adding-field-with-default',
        type: 'blocking',
        description: 'Adding a column whose default forces a table rewrite (a volatile default; any default before PostgreSQL 11).',
        severity: 'error',
        breaking: false,
        messages: {
            volatile: 'Adding column `{{column}}` with the volatile default `{{default}}` rewrites every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
            legacy: 'Adding column `{{column}}` with a default rewrites every row of `{{table}}` on PostgreSQL {{version}} (11 and later store a constant default without a rewrite), under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
        },
        help: 'Add the column without the default, then ALTER COLUMN ... SET DEFAULT (it applies to new rows only), and backfill existing rows in batches.',
    },
    check(statement, ctx) {
        for (const col of addedColumns(statement)) {
            if (!isExistingTable(ctx.catalog, col.table))
                continue;
            const expr = col.def.raw_default ?? col.constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
            if (expr === undefined || isNullExpr(expr))
                continue;
            const legacy = ctx.postgresVersion < 11;
            if (!legacy && !isVolatileExpr(expr))
                continue;
            const defaultConstraint = col.constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
            ctx.report({
                messageId: legacy ? 'legacy' : 'volatile',
                data: {
                    column: col.name,
                    default: deparseExpr(expr),
                    table: col.table.key,
                    version: ctx.postgresVersion,
                },
                location: typeof defaultConstraint?.location === 'number' ? defaultConstraint.location : col.location,
                object: `${col.table.key}.${col.name}`,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

// Which table-level locks a statement takes, per the PostgreSQL documentation ("Explicit Locking" and the
// lock notes of ALTER TABLE, CREATE INDEX, REINDEX, ...) and `AlterTableGetLockLevel` in tablecmds.c.
// Used by the blocking rules and the planner. Row locks, catalog locks and locks on indexes alone are
// left out; so are the partitions an ALTER TABLE of a partitioned table recurses to.
/** Strength order of the modes (0 = ACCESS SHARE .. 7 = ACCESS EXCLUSIVE). */
function lockRank(mode) {
    return LOCK_MODES.indexOf(mode);
}
function strongest(a, b) {
    return lockRank(a) >= lockRank(b) ? a : b;
}
const CONFLICTS = {
    'ACCESS SHARE': ['ACCESS EXCLUSIVE'],
    'ROW SHARE': ['EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    'ROW EXCLUSIVE': ['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    'SHARE UPDATE EXCLUSIVE': [
        'SHARE UPDATE EXCLUSIVE',
        'SHARE',
        'SHARE ROW EXCLUSIVE',
        'EXCLUSIVE',
        'ACCESS EXCLUSIVE',
    ],
    SHARE: ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
    'SHARE ROW EXCLUSIVE': [
        'ROW EXCLUSIVE',
        'SHARE UPDATE EXCLUSIVE',
        'SHARE',
        'SHARE ROW EXCLUSIVE',
        'EXCLUSIVE',
        'ACCESS EXCLUSIVE',
    ],
    EXCLUSIVE: [
        'ROW SHARE',
        'ROW EXCLUSIVE',
        'SHARE UPDATE EXCLUSIVE',
        'SHARE',
        'SHARE ROW EXCLUSIVE',
        'EXCLUSIVE',
        'ACCESS EXCLUSIVE',
    ],
    'ACCESS EXCLUSIVE': LOCK_MODES,
};
/** True when a session holding `held` makes a session asking for `wanted` wait (the matrix is symmetric). */
function conflicts(held, wanted) {
    return CONFLICTS[held].includes(wanted);
}
/** What ordinary traffic a mode blocks, for messages: "reads and writes", "writes", ... */
function blockedTraffic(mode) {
    if (mode === 'ACCESS EXCLUSIVE')
        return 'reads and writes';
    if (mode === 'EXCLUSIVE')
        return 'writes and SELECT ... FOR UPDATE';
    if (conflicts(mode, 'ROW EXCLUSIVE'))
        return 'writes';
    if (conflicts(mode, 'SHARE UPDATE EXCLUSIVE'))
        return 'schema changes, VACUUM and concurrent index builds';
    if (conflicts(mode, 'SHARE'))
        return 'CREATE INDEX and other schema changes';
    return 'schema changes';
}
/** "an ACCESS EXCLUSIVE lock" / "a SHARE lock". */
function lockArticle(mode) {
    return `${mode.startsWith('A') || mode.startsWith('E') ? 'an' : 'a'} ${mode} lock`;
}
/**
 * True when the lock lands on a table that running code can be using: one the schema model does not
 * know (it predates the migrations we read) or one created before the current release.
 */
function onExistingTable(lock, catalog) {
    if (lock.index && catalog.isNewIndex(lock.index))
        return false;
    return !catalog.isNewRelation(lock.table);
}
/** The lock an `ALTER TABLE` subcommand takes on its table (`AlterTableGetLockLevel`). */
function alterCommandLock(cmd, postgresVersion = 16) {
    switch (cmd.subtype) {
        case 'AT_SetStatistics':
        case 'AT_ClusterOn':
        case 'AT_DropCluster':
        case 'AT_SetOptions':
        case 'AT_ResetOptions':
        case 'AT_ValidateConstraint':
        case 'AT_DetachPartitionFinalize':
            return 'SHARE UPDATE EXCLUSIVE';
        case 'AT_AttachPartition':
            return postgresVersion >= 12 ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
        case 'AT_DetachPartition':
            return partitionCmd(cmd).concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
        case 'AT_EnableTrig':
        case 'AT_EnableAlwaysTrig':
        case 'AT_EnableReplicaTrig':
        case 'AT_EnableTrigAll':
        case 'AT_EnableTrigUser':
        case 'AT_DisableTrig':
        case 'AT_DisableTrigAll':
        case 'AT_DisableTrigUser':
            return 'SHARE ROW EXCLUSIVE';
        case 'AT_AddConstraint': {
            const [kind, con] = unwrap(cmd.def);
            return kind === 'Constraint' && con.contype === 'CONSTR_FOREIGN'
                ? 'SHARE ROW EXCLUSIVE'
                : 'ACCESS EXCLUSIVE';
        }
        case 'AT_SetRelOptions':
        case 'AT_ResetRelOptions':
            return relOptionsLock(cmd.def);
        default:
            return 'ACCESS EXCLUSIVE';
    }
}
/** Storage parameters that take SHARE UPDATE EXCLUSIVE (`reloptions.c`); any other takes ACCESS EXCLUSIVE. */
const LIGHT_RELOPTIONS = /^(toast\.)?(fillfactor|toast_tuple_target|parallel_workers|vacuum_index_cleanup|vacuum_truncate|log_autovacuum_min_duration|autovacuum_\w+)$/;
function relOptionsLock(def) {
    const [, list] = unwrap(def);
    const items = Array.isArray(list.items) ? list.items : Array.isArray(def) ? def : [];
    if (!items.length)
        return 'ACCESS EXCLUSIVE';
    const light = items.every((item) => {
        const [, d] = unwrap(item);
        const name = `${typeof d.defnamespace === 'string' ? `${d.defnamespace}.` : ''}${String(d.defname ?? '')}`;
        return LIGHT_RELOPTIONS.test(name.toLowerCase());
    });
    return light ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
}
function partitionCmd(cmd) {
    return unwrap(cmd.def)[1];
}
/** The tables referenced by FOREIGN KEY constraints of a column definition or table constraint list. */
function referencedTables(constraints) {
    const out = [];
    for (const c of Array.isArray(constraints) ? constraints : []) {
        const [kind, con] = unwrap(c);
        if (kind !== 'Constraint' || con.contype !== 'CONSTR_FOREIGN')
            continue;
        out.push({ table: rangeVarName(con.pktable), location: locationOfRangeVar(con.pktable) });
    }
    return out;
}
function locationOfRangeVar(rv) {
    const l = rv?.location;
    return typeof l === 'number' && l >= 0 ? l : undefined;
}
const MODE_BY_NUMBER = Object.fromEntries(LOCK_MODES.map((m, i) => [i + 1, m]));
const RELATION_KINDS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE']);
const RENAME_ON_TABLE = new Set([
    'OBJECT_COLUMN',
    'OBJECT_TABCONSTRAINT',
    'OBJECT_TRIGGER',
    'OBJECT_POLICY',
    'OBJECT_RULE',
]);
/**
 * The table-level locks `statement` takes, strongest per table, in the order the tables appear.
 * `catalog` is the schema just before the statement (it maps an index to its table).
 */
function computeTableLocks(statement, catalog, postgresVersion = 16) {
    const out = [];
    const add = (lock) => {
        if (!lock.table.name)
            return;
        const same = out.find((l) => l.table.key === lock.table.key);
        if (!same)
            out.push(lock);
        else if (lockRank(lock.mode) > lockRank(same.mode))
            same.mode = lock.mode;
    };
    const rel = (rv, mode) => {
        const r = (rv ?? {});
        if (r.relpersistence === 't')
            return;
        const location = locationOfRangeVar(r);
        add({ table: rangeVarName(r), mode, ...(location !== undefined ? { location } : {}) });
    };
    const viaIndex = (index, mode, location) => {
        const known = catalog.index(index);
        const dot = known ? known.table.indexOf('.') : -1;
        const table = known && dot > 0 ? qualify(known.table.slice(dot + 1), known.table.slice(0, dot)) : index;
        add({ table, mode, index, ...(location !== undefined ? { location } : {}) });
    };
    const [kind, n] = unwrap(statement.node);
    switch (kind) {
        case 'AlterTableStmt': {
            if (!RELATION_KINDS.has(String(n.objtype)))
                break;
            let mode;
            const extra = [];
            for (const c of Array.isArray(n.cmds) ? n.cmds : []) {
                const [ck, cmd] = unwrap(c);
                if (ck !== 'AlterTableCmd')
                    continue;
                const m = alterCommandLock(cmd, postgresVersion);
                mode = mode ? strongest(mode, m) : m;
                if (cmd.subtype === 'AT_AddConstraint') {
                    for (const r of referencedTables([cmd.def]))
                        extra.push(() => add({ ...r, mode: 'SHARE ROW EXCLUSIVE' }));
                }
                else if (cmd.subtype === 'AT_AddColumn') {
                    const def = unwrap(cmd.def)[1];
                    for (const r of referencedTables(def.constraints))
                        extra.push(() => add({ ...r, mode: 'SHARE ROW EXCLUSIVE' }));
                }
                else if (cmd.subtype === 'AT_AttachPartition') {
                    extra.push(() => rel(partitionCmd(cmd).name, 'ACCESS EXCLUSIVE'));
                }
                else if (cmd.subtype === 'AT_DetachPartition' || cmd.subtype === 'AT_DetachPartitionFinalize') {
                    extra.push(() => rel(partitionCmd(cmd).name, m));
                }
            }
            if (mode)
                rel(n.relation, mode);
            for (const e of extra)
                e();
            break;
        }
        case 'IndexStmt':
            rel(n.relation, n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE');
            break;
        case 'DropStmt':
            dropLocks(n, rel, viaIndex, add);
            break;
        case 'TruncateStmt':
            for (const r of Array.isArray(n.relations) ? n.relations : [])
                rel(unwrap(r)[1], 'ACCESS EXCLUSIVE');
            break;
        case 'LockStmt': {
            const mode = MODE_BY_NUMBER[typeof n.mode === 'number' ? n.mode : 8] ?? 'ACCESS EXCLUSIVE';
            for (const r of Array.isArray(n.relations) ? n.relations : [])
                rel(unwrap(r)[1], mode);
            break;
        }
        case 'RenameStmt':
            if (RELATION_KINDS.has(String(n.renameType)) || RENAME_ON_TABLE.has(String(n.renameType)))
                rel(n.relation, 'ACCESS EXCLUSIVE');
            break;
        case 'AlterObjectSchemaStmt':
            if (RELATION_KINDS.has(String(n.objectType)))
                rel(n.relation, 'ACCESS EXCLUSIVE');
            break;
        case 'VacuumStmt': {
            const full = n.is_vacuumcmd === true && vacuumIsFull(n);
            for (const r of Array.isArray(n.rels) ? n.rels : []) {
                rel(unwrap(r)[1].relation, full ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE');
            }
            break;
        }
        case 'ClusterStmt':
            if (n.relation)
                rel(n.relation, 'ACCESS EXCLUSIVE');
            break;
        case 'ReindexStmt': {
            const mode = hasOption(n.params, 'concurrently') ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE';
            if (n.kind === 'REINDEX_OBJECT_TABLE')
                rel(n.relation, mode);
            else if (n.kind === 'REINDEX_OBJECT_INDEX')
                viaIndex(rangeVarName(n.relation), mode, locationOfRangeVar(n.relation));
            break;
        }
        case 'CreateTrigStmt':
            rel(n.relation, 'SHARE ROW EXCLUSIVE');
            break;
        case 'CreatePolicyStmt':
        case 'AlterPolicyStmt':
            rel(n.table, 'ACCESS EXCLUSIVE');
            break;
        case 'RuleStmt':
            rel(n.relation, 'ACCESS EXCLUSIVE');
            break;
        case 'CreateStatsStmt':
            for (const r of Array.isArray(n.relations) ? n.relations : [])
                rel(unwrap(r)[1], 'SHARE UPDATE EXCLUSIVE');
            break;
        case 'CommentStmt':
            commentLock(n, add);
            break;
        case 'UpdateStmt':
        case 'DeleteStmt':
        case 'InsertStmt':
        case 'MergeStmt':
            rel(n.relation, 'ROW EXCLUSIVE');
            break;
        case 'RefreshMatViewStmt':
            rel(n.relation, n.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE');
            break;
        case 'ViewStmt':
            if (n.replace && catalog.relation(rangeVarName(n.view)))
                rel(n.view, 'ACCESS EXCLUSIVE');
            break;
        case 'CreateStmt':
            createTableLocks(n, rel, add);
            break;
    }
    return out;
}
const tableLocks = perStatement(computeTableLocks);
function dropLocks(n, rel, viaIndex, add) {
    const type = String(n.removeType);
    for (const o of Array.isArray(n.objects) ? n.objects : []) {
        const [k, body] = unwrap(o);
        if (k !== 'List')
            continue;
        const parts = strings(body.items);
        const name = listName(body.items);
        if (RELATION_KINDS.has(type))
            rel({ schemaname: name.schema, relname: name.name }, 'ACCESS EXCLUSIVE');
        else if (type === 'OBJECT_INDEX')
            viaIndex(name, n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE');
        else if (type === 'OBJECT_TRIGGER' || type === 'OBJECT_POLICY' || type === 'OBJECT_RULE') {
            const table = listName(parts.slice(0, -1).map((sval) => ({ String: { sval } })));
            add({ table, mode: 'ACCESS EXCLUSIVE' });
        }
    }
}
function createTableLocks(n, rel, add) {
    const own = rangeVarName(n.relation).key;
    // A partition locks its parent ACCESS EXCLUSIVE; plain inheritance takes SHARE UPDATE EXCLUSIVE.
    for (const parent of Array.isArray(n.inhRelations) ? n.inhRelations : []) {
        rel(unwrap(parent)[1], n.partbound ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE');
    }
    for (const elt of Array.isArray(n.tableElts) ? n.tableElts : []) {
        const [k, body] = unwrap(elt);
        const refs = k === 'ColumnDef' ? referencedTables(body.constraints) : referencedTables([elt]);
        for (const r of refs)
            if (r.table.key !== own)
                add({ ...r, mode: 'SHARE ROW EXCLUSIVE' });
    }
}
function commentLock(n, add) {
    const type = String(n.objtype);
    const [, list] = unwrap(n.object);
    const parts = strings(list.items);
    const tableParts = type === 'OBJECT_COLUMN' ? parts.slice(0, -1) : RELATION_KINDS.has(type) ? parts : [];
    if (!tableParts.length)
        return;
    // COMMENT takes SHARE UPDATE EXCLUSIVE on its object (comment.c), so that two COMMENTs do not race.
    add({ table: listName(tableParts.map((sval) => ({ String: { sval } }))), mode: 'SHARE UPDATE EXCLUSIVE' });
}
/** True when a DefElem list holds `name` switched on (`CONCURRENTLY`, `FULL`, `(FULL true)`). */
function hasOption(params, name) {
    for (const p of Array.isArray(params) ? params : []) {
        const [k, d] = unwrap(p);
        if (k !== 'DefElem' || String(d.defname).toLowerCase() !== name)
            continue;
        if (d.arg === undefined)
            return true;
        const [ak, a] = unwrap(d.arg);
        if (ak === 'Integer')
            return a.ival !== undefined && a.ival !== 0;
        if (ak === 'String' || ak === 'Boolean') {
            const v = String(a.sval ?? a.boolval ?? '').toLowerCase();
            return !['false', 'off', '0', 'no'].includes(v);
        }
        return true;
    }
    return false;
}
/** True for VACUUM FULL / VACUUM (FULL [true]). */
function vacuumIsFull(n) {
    return hasOption(n.options, 'full');
}
const held = new WeakMap();
/**
 * The locks of `statement` with whether each lands on an existing table, remembered from the first call.
 * Rules call it on the statement they check (before the schema model moves past it), so that a later
 * look at the same statement through `ctx.tx.previous` sees the schema as it was when the statement ran.
 */
function heldLocks(statement, catalog, postgresVersion = 16) {
    let locks = held.get(statement);
    if (!locks) {
        locks = tableLocks(statement, catalog, postgresVersion).map((l) => ({
            ...l,
            existing: onExistingTable(l, catalog),
        }));
        held.set(statement, locks);
    }
    return locks;
}
/** ACCESS EXCLUSIVE locks of `statement` on tables that running code can be using. */
function accessExclusiveOnExisting(statement, catalog, postgresVersion = 16) {
    return heldLocks(statement, catalog, postgresVersion).filter((l) => l.existing && l.mode === 'ACCESS EXCLUSIVE');
}

const addingForeignKeyConstraint = {
    meta: {
        id: 'adding-foreign-key-constraint',
        type: 'blocking',
        description: 'Adding a FOREIGN KEY to an existing table without NOT VALID, which checks every row under lock.',
        severity: 'error',
        breaking: false,
        messages: {
            add: 'Adding foreign key `{{constraint}}` checks every row of `{{table}}` while holding SHARE ROW EXCLUSIVE locks on `{{table}}` and `{{referenced}}`, blocking writes on both tables until the check finishes.',
            addStrong: 'Adding foreign key `{{constraint}}` checks every row of `{{table}}` while holding {{lock}} on it and a SHARE ROW EXCLUSIVE lock on `{{referenced}}`, blocking {{blocked}} on `{{table}}` and writes on `{{referenced}}` until the check finishes.',
            self: 'Adding foreign key `{{constraint}}` checks every row of `{{table}}` while holding {{lock}} on it, blocking {{blocked}} on it until the check finishes.',
        },
        help: 'Add the constraint with NOT VALID (only new rows are checked, the locks are brief), then run ALTER TABLE ... VALIDATE CONSTRAINT in a later transaction: it takes only SHARE UPDATE EXCLUSIVE, so reads and writes go on.',
    },
    check(statement, ctx) {
        const alter = readAlterTable(statement);
        if (!alter || !isExistingTable(ctx.catalog, alter.table))
            return;
        const skipColumnChecks = columnForeignKeysSkipValidation(alter.cmds);
        const tableLock = tableLocks(statement, ctx.catalog, ctx.postgresVersion).find((l) => l.table.key === alter.table.key);
        const mode = tableLock?.mode ?? 'SHARE ROW EXCLUSIVE';
        for (const c of addedConstraints(statement)) {
            if (c.contype !== 'CONSTR_FOREIGN' || c.notValid || !c.enforced)
                continue;
            // ADD COLUMN ... REFERENCES without a default: the column is all NULL, PostgreSQL checks nothing.
            if (c.column && skipColumnChecks)
                continue;
            const referenced = referencedTable(c.con);
            const object = `${c.table.key}.${c.name}`;
            ctx.report({
                messageId: referenced.key === c.table.key ? 'self' : mode === 'SHARE ROW EXCLUSIVE' ? 'add' : 'addStrong',
                data: {
                    constraint: c.name,
                    table: c.table.key,
                    referenced: referenced.key,
                    lock: lockArticle(mode),
                    blocked: blockedTraffic(mode),
                },
                location: c.location,
                object,
                lock: mode,
            });
        }
    },
};

const addingPrimaryKeyConstraint = {
    meta: {
        id: 'adding-primary-key-constraint',
        type: 'blocking',
        description: 'Adding a PRIMARY KEY to an existing table, which builds its index (and checks NOT NULL) under ACCESS EXCLUSIVE.',
        severity: 'error',
        breaking: false,
        messages: {
            add: 'Adding primary key `{{constraint}}` builds its index{{nulls}} under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until it finishes.',
            column: 'Adding column `{{column}}` as PRIMARY KEY builds an index over every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the index is built.',
            usingIndex: 'Adding primary key `{{constraint}}` USING INDEX sets NOT NULL on {{columns}}, scanning every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the scan finishes.',
        },
        help: 'Build the index first with CREATE UNIQUE INDEX CONCURRENTLY, make its columns NOT NULL without a long lock (CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL), then ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY USING INDEX.',
    },
    check(statement, ctx) {
        for (const c of addedConstraints(statement)) {
            if (c.contype !== 'CONSTR_PRIMARY' || !isExistingTable(ctx.catalog, c.table))
                continue;
            const base = {
                location: c.location,
                object: `${c.table.key}.${c.name}`,
                lock: 'ACCESS EXCLUSIVE',
            };
            if (typeof c.con.indexname === 'string') {
                const nullable = nullableIndexColumns(ctx.catalog, c.table, qualify(c.con.indexname, c.table.schema));
                if (!nullable.length)
                    continue;
                ctx.report({
                    ...base,
                    messageId: 'usingIndex',
                    data: {
                        constraint: c.name,
                        table: c.table.key,
                        columns: nullable.map((n) => `\`${n}\``).join(', '),
                    },
                });
                continue;
            }
            const nullable = c.columns.filter((col) => ctx.catalog.column(c.table, col)?.notNull === false);
            ctx.report({
                ...base,
                messageId: c.column ? 'column' : 'add',
                data: {
                    constraint: c.name,
                    table: c.table.key,
                    column: c.columns[0] ?? '',
                    nulls: nullable.length ? ' and checks every row for NULLs' : '',
                },
            });
        }
    },
};
/**
 * Columns of the index that the model knows to be nullable. Empty when the index or its columns are
 * unknown, or when a validated CHECK constraint on the table may already prove NOT NULL (PostgreSQL 12
 * and later then skip the scan).
 */
function nullableIndexColumns(catalog, table, index) {
    const idx = catalog.index(index);
    const rel = catalog.relation(table);
    if (!idx || !rel)
        return [];
    if ([...rel.constraints.values()].some((con) => con.kind === 'check' && con.validated))
        return [];
    return idx.columns.filter((col) => rel.columns.get(col)?.notNull === false);
}

const addingRequiredField = {
    meta: {
        id: 'adding-required-field',
        type: 'breaking',
        description: 'Adding a NOT NULL column without a default to an existing table.',
        severity: 'error',
        breaking: true,
        messages: {
            add: 'Adding `{{object}}` as NOT NULL without a default breaks the running release, whose inserts into `{{table}}` do not set it, and fails outright if the table has rows; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
        },
        help: 'Add the column nullable or with a DEFAULT, make every deployed version write it and backfill old rows, then set NOT NULL in a later (contract) migration.',
    },
    check(statement, ctx) {
        const alter = readAlterTable(statement);
        if (!alter || ctx.catalog.isNewRelation(alter.table))
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype !== 'AT_AddColumn')
                continue;
            const def = columnDef(cmd);
            const name = typeof def?.colname === 'string' ? def.colname : undefined;
            if (!def || !name || !declaresNotNull(def) || definesValue(def))
                continue;
            // ADD COLUMN IF NOT EXISTS of a column that is already there adds nothing.
            if (cmd.missingOk && ctx.catalog.column(alter.table, name))
                continue;
            const object = `${alter.table.key}.${name}`;
            const location = locationOf$1(def);
            ctx.report({
                messageId: 'add',
                data: { object, table: alter.table.key },
                object,
                lock: 'ACCESS EXCLUSIVE',
                ...(location !== undefined ? { location } : {}),
            });
        }
    },
};

const SERIAL$1 = /^serial[248]$/;
const addingSerialColumn = {
    meta: {
        id: 'adding-serial-column',
        type: 'blocking',
        description: 'Adding a serial or identity column to an existing table, which rewrites it to number every row.',
        severity: 'error',
        breaking: false,
        messages: {
            serial: 'Adding {{type}} column `{{column}}` rewrites every row of `{{table}}` to fill it from a sequence, under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
            identity: 'Adding identity column `{{column}}` rewrites every row of `{{table}}` to fill it from a sequence, under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
        },
        help: 'Add a nullable bigint column without a default, give new rows a value (SET DEFAULT nextval(...)), backfill existing rows in batches, then make it NOT NULL through a validated CHECK constraint (and ADD GENERATED ... AS IDENTITY if you want identity).',
    },
    check(statement, ctx) {
        for (const col of addedColumns(statement)) {
            if (!isExistingTable(ctx.catalog, col.table))
                continue;
            const type = typeRef(col.def.typeName);
            const identity = col.constraints.find((c) => c.contype === 'CONSTR_IDENTITY');
            const serial = SERIAL$1.test(type.name) && !type.schema;
            if (!serial && !identity)
                continue;
            ctx.report({
                messageId: serial ? 'serial' : 'identity',
                data: { type: type.display, column: col.name, table: col.table.key },
                location: serial
                    ? col.location
                    : typeof identity?.location === 'number'
                        ? identity.location
                        : col.location,
                object: `${col.table.key}.${col.name}`,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

const addingStoredGeneratedColumn = {
    meta: {
        id: 'adding-stored-generated-column',
        type: 'blocking',
        description: 'Adding a STORED generated column to an existing table, which rewrites it to compute every row.',
        severity: 'error',
        breaking: false,
        messages: {
            stored: 'Adding stored generated column `{{column}}` rewrites every row of `{{table}}` to compute it, under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
        },
        help: 'Add a plain nullable column, fill it for new rows with a trigger, backfill existing rows in batches (on PostgreSQL 18, a VIRTUAL generated column needs no rewrite at all).',
    },
    check(statement, ctx) {
        for (const col of addedColumns(statement)) {
            if (!isExistingTable(ctx.catalog, col.table))
                continue;
            // PostgreSQL 18 reads an unmarked GENERATED ALWAYS AS (...) as VIRTUAL; earlier versions require STORED.
            const generated = col.constraints.find((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind === 's');
            if (!generated)
                continue;
            ctx.report({
                messageId: 'stored',
                data: { column: col.name, table: col.table.key },
                location: typeof generated.location === 'number' ? generated.location : col.location,
                object: `${col.table.key}.${col.name}`,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

const addingUniqueConstraint = {
    meta: {
        id: 'adding-unique-constraint',
        type: 'blocking',
        description: 'Adding a UNIQUE constraint to an existing table, which builds its index under ACCESS EXCLUSIVE.',
        severity: 'error',
        breaking: false,
        messages: {
            add: 'Adding UNIQUE constraint `{{constraint}}` builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until the index is built.',
            column: 'Adding column `{{column}}` with UNIQUE builds an index over every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the index is built.',
        },
        help: 'Build the index first with CREATE UNIQUE INDEX CONCURRENTLY (outside a transaction), then ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX, which only takes a brief lock.',
    },
    check(statement, ctx) {
        for (const c of addedConstraints(statement)) {
            if (c.contype !== 'CONSTR_UNIQUE' || typeof c.con.indexname === 'string')
                continue;
            if (!isExistingTable(ctx.catalog, c.table))
                continue;
            ctx.report({
                messageId: c.column ? 'column' : 'add',
                data: { constraint: c.name, table: c.table.key, column: c.columns[0] ?? '' },
                location: c.location,
                object: `${c.table.key}.${c.name}`,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

const VERBS = {
    UpdateStmt: { messageId: 'update', verb: 'UPDATE' },
    DeleteStmt: { messageId: 'delete', verb: 'DELETE' },
};
const backfillInMigration = {
    meta: {
        id: 'backfill-in-migration',
        type: 'data',
        description: 'An UPDATE or DELETE of an existing table inside a schema migration.',
        severity: 'warning',
        breaking: false,
        messages: {
            update: "`UPDATE` of existing table `{{table}}` rewrites every matching row in one statement and holds their row locks until the migration commits, blocking the application's writes to them; run it in batches with `expand-contract backfill` instead.",
            delete: "`DELETE` from existing table `{{table}}` removes every matching row in one statement and holds their row locks until the migration commits, blocking the application's writes to them; run it in batches with `expand-contract backfill` instead.",
        },
        help: 'Move the data change out of the schema migration: `expand-contract backfill` runs it in small batches, each committed on its own.',
    },
    check(statement, ctx) {
        if (statement.plpgsql && enclosingDoCommits(statement, ctx.fileStatements))
            return;
        for (const target of dataChanges(statement.node)) {
            const table = rangeVarName(target.node.relation);
            if (!table.name || ctx.catalog.isNewRelation(table))
                continue;
            if (targetsKnownRows(target.node.whereClause, ctx.catalog, table))
                continue;
            ctx.report({
                messageId: target.messageId,
                data: { table: table.key },
                location: target.location,
                object: table.key,
                lock: 'ROW EXCLUSIVE',
            });
        }
    },
};
/** The statement itself when it is an UPDATE or DELETE, and data-modifying CTEs of a query. */
function dataChanges(node) {
    const [kind, n] = unwrap(node);
    const out = [];
    const own = VERBS[kind];
    if (own)
        out.push({ messageId: own.messageId, node: n, location: undefined });
    if (!own && kind !== 'SelectStmt' && kind !== 'InsertStmt')
        return out;
    const ctes = n.withClause?.ctes ?? [];
    for (const c of ctes) {
        const cte = (c.CommonTableExpr ?? {});
        const [k, body] = unwrap(cte.ctequery);
        const verb = VERBS[k];
        if (verb)
            out.push({ messageId: verb.messageId, node: body, location: cte.location });
    }
    return out;
}
/**
 * True when the WHERE clause pins rows by a unique key (`id = 42`, `code IN ('a', 'b')`): a data fix
 * of a few rows, not a backfill.
 */
function targetsKnownRows(where, catalog, table) {
    if (!where)
        return false;
    const keys = uniqueColumns(catalog, table);
    const pinned = (expr) => {
        const [kind, n] = unwrap(expr);
        if (kind === 'BoolExpr') {
            const args = n.args ?? [];
            if (n.boolop === 'AND_EXPR')
                return args.some(pinned);
            if (n.boolop === 'OR_EXPR')
                return args.length > 0 && args.every(pinned);
            return false;
        }
        if (kind !== 'A_Expr' || strings(n.name).join('.') !== '=')
            return false;
        const sides = [
            [n.lexpr, n.rexpr],
            [n.rexpr, n.lexpr],
        ];
        return sides.some(([col, value]) => {
            const name = columnName(col);
            if (!name || !keys.has(name))
                return false;
            if (n.kind === 'AEXPR_OP')
                return isConstant(value);
            if (n.kind === 'AEXPR_IN') {
                const items = (value?.List?.items ??
                    []);
                return items.length > 0 && items.every(isConstant);
            }
            return false;
        });
    };
    return pinned(where);
}
function uniqueColumns(catalog, table) {
    const keys = new Set(['id']);
    for (const c of catalog.relation(table)?.constraints.values() ?? []) {
        if ((c.kind === 'primary key' || c.kind === 'unique') && c.columns.length === 1)
            keys.add(c.columns[0]);
    }
    for (const idx of catalog.indexesOn(table)) {
        if (idx.unique && idx.columns.length === 1)
            keys.add(idx.columns[0]);
    }
    return keys;
}
function columnName(expr) {
    const [kind, n] = unwrap(expr);
    if (kind !== 'ColumnRef')
        return undefined;
    return strings(n.fields).pop();
}
function isConstant(expr) {
    const [kind, n] = unwrap(expr);
    if (kind === 'A_Const' || kind === 'ParamRef')
        return true;
    if (kind === 'TypeCast')
        return isConstant(n.arg);
    return false;
}
/** A DO block that commits as it goes already batches its work. */
function enclosingDoCommits(statement, fileStatements) {
    for (let i = statement.index - 1; i >= 0; i--) {
        const s = fileStatements[i];
        if (!s || s.plpgsql)
            continue;
        return s.kind === 'DoStmt' && /\bCOMMIT\b/i.test(s.text);
    }
    return false;
}

const banAlterDomainWithAddConstraint = {
    meta: {
        id: 'ban-alter-domain-with-add-constraint',
        type: 'blocking',
        description: 'ALTER DOMAIN ADD CONSTRAINT (or SET NOT NULL) without NOT VALID, which checks every column of the domain in every table.',
        severity: 'error',
        breaking: false,
        messages: {
            add: 'Adding constraint `{{constraint}}` to domain `{{domain}}` checks every column of that domain in every table, holding a SHARE lock that blocks writes on each of those tables until its check finishes.',
            notNull: 'Setting NOT NULL on domain `{{domain}}` checks every column of that domain in every table, holding a SHARE lock that blocks writes on each of those tables until its check finishes.',
        },
        help: 'Put the CHECK on the table columns instead (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT), or add it to the domain with NOT VALID and validate it at a quiet time.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'AlterDomainStmt')
            return;
        const [, n] = unwrap(statement.node);
        const domain = listName(n.typeName);
        if (!domain.name || ctx.catalog.isNewType(domain))
            return;
        if (n.subtype === 'O') {
            ctx.report({ messageId: 'notNull', data: { domain: domain.key }, object: domain.key, lock: 'SHARE' });
            return;
        }
        if (n.subtype !== 'C')
            return;
        const [kind, con] = unwrap(n.def);
        if (kind !== 'Constraint' || con.skip_validation)
            return;
        if (con.contype !== 'CONSTR_CHECK' && con.contype !== 'CONSTR_NOTNULL')
            return;
        const name = typeof con.conname === 'string' ? con.conname : `${domain.name}_check`;
        ctx.report({
            messageId: 'add',
            data: { constraint: name, domain: domain.key },
            location: typeof con.location === 'number' ? con.location : undefined,
            object: `${domain.key}.${name}`,
            lock: 'SHARE',
        });
    },
};

// Columns a statement creates or retypes (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE), with the facts
// the advisory type rules need: the declared type, whether it is the table's primary key, and what
// generates its values. Old columns are never listed.
const SERIAL = /^serial[248]$/;
/** The last name of a `TypeName` node, lower case, before any alias is resolved. */
function rawTypeName(typeName) {
    const names = strings(typeName?.names);
    return (names[names.length - 1] ?? '').toLowerCase();
}
/** True for `nextval(...)` (any schema), the default a sequence-backed column carries. */
function isNextval(expr) {
    const [kind, body] = unwrap(expr);
    if (kind === 'TypeCast')
        return isNextval(body.arg);
    if (kind !== 'FuncCall')
        return false;
    const name = strings(body.funcname);
    return name[name.length - 1]?.toLowerCase() === 'nextval';
}
/** Columns created or retyped by one statement, in the order they are written. */
function computeCreatedColumns(statement) {
    const [kind, n] = unwrap(statement.node);
    if (kind === 'CreateStmt')
        return fromCreateTable(n);
    if (kind === 'AlterTableStmt')
        return fromAlterTable(n);
    return [];
}
const createdColumns = perStatement(computeCreatedColumns);
function fromCreateTable(n) {
    const relation = (n.relation ?? {});
    // Temporary tables are scratch space of the migration itself; partitions take their parent's types.
    if (relation.relpersistence === 't' || n.partbound)
        return [];
    const table = rangeVarName(relation);
    const elts = n.tableElts ?? [];
    const tablePk = new Set();
    for (const elt of elts) {
        const [k, body] = unwrap(elt);
        if (k !== 'Constraint' || body.contype !== 'CONSTR_PRIMARY')
            continue;
        const keys = strings(body.keys);
        if (keys.length === 1)
            tablePk.add(keys[0]);
    }
    const out = [];
    for (const elt of elts) {
        const [k, def] = unwrap(elt);
        if (k !== 'ColumnDef' || !def.typeName)
            continue;
        const column = describe(table, def, 'create-table');
        if (tablePk.has(column.column))
            column.primaryKey = true;
        out.push(column);
    }
    return out;
}
function fromAlterTable(n) {
    if (n.objtype !== 'OBJECT_TABLE')
        return [];
    const table = rangeVarName(n.relation);
    const out = [];
    for (const c of n.cmds ?? []) {
        const cmd = (c.AlterTableCmd ?? {});
        const def = (cmd.def?.ColumnDef ?? undefined);
        if (!def?.typeName)
            continue;
        if (cmd.subtype === 'AT_AddColumn')
            out.push(describe(table, def, 'add-column'));
        else if (cmd.subtype === 'AT_AlterColumnType' && typeof cmd.name === 'string') {
            out.push(describe(table, { ...def, colname: cmd.name }, 'alter-type'));
        }
    }
    return out;
}
function describe(table, def, source) {
    const column = def.colname ?? '';
    const type = typeRef(def.typeName);
    let primaryKey = false;
    let generator = SERIAL.test(type.name) ? 'serial' : null;
    // In ALTER COLUMN TYPE, `raw_default` holds the USING expression, not a default.
    if (source !== 'alter-type' && isNextval(def.raw_default))
        generator ??= 'sequence';
    for (const c of def.constraints ?? []) {
        const con = (c.Constraint ?? {});
        if (con.contype === 'CONSTR_PRIMARY')
            primaryKey = true;
        else if (con.contype === 'CONSTR_IDENTITY')
            generator = 'identity';
        else if (con.contype === 'CONSTR_DEFAULT' && isNextval(con.raw_expr))
            generator ??= 'sequence';
    }
    return {
        table,
        column,
        object: `${table.key}.${column}`,
        type,
        rawName: rawTypeName(def.typeName),
        typeLocation: def.typeName.location,
        source,
        primaryKey,
        generator,
    };
}
/** An identifier as it must be written in SQL: bare when it is a plain lower-case name, else quoted. */
function quoteIdent(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

const banCharField = {
    meta: {
        id: 'ban-char-field',
        type: 'advisory',
        description: 'A new column of type char(n) / character(n), which pads values with spaces.',
        severity: 'warning',
        breaking: false,
        messages: {
            char: 'Column `{{object}}` is declared `{{type}}`, which pads shorter values with spaces and ignores trailing spaces in comparisons, so values read back differ from what was written; declare it `text`{{check}}.',
        },
        help: 'Declare the column `text` (or `varchar(n)`); add a CHECK constraint when the length must be fixed.',
    },
    check(statement, ctx) {
        for (const col of createdColumns(statement)) {
            // `"char"` (quoted) is PostgreSQL's one-byte internal type, not char(n).
            if (col.rawName !== 'bpchar')
                continue;
            const length = col.type.mods[0] ?? 1;
            const display = `char(${length})${'[]'.repeat(col.type.arrayDims)}`;
            ctx.report({
                messageId: 'char',
                data: {
                    object: col.object,
                    type: display,
                    check: col.type.arrayDims === 0
                        ? ` with \`CHECK (char_length(${quoteIdent(col.column)}) = ${length})\` if the length is fixed`
                        : '',
                },
                location: col.typeLocation,
                object: col.object,
            });
        }
    },
};

const banCluster = {
    meta: {
        id: 'ban-cluster',
        type: 'blocking',
        description: 'CLUSTER, which rewrites tables under ACCESS EXCLUSIVE.',
        severity: 'error',
        breaking: false,
        messages: {
            table: 'CLUSTER rewrites `{{table}}` in index order under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
            all: 'CLUSTER without a table rewrites every previously clustered table in the database, each under an ACCESS EXCLUSIVE lock that blocks its reads and writes until its rewrite finishes.',
        },
        help: 'Use pg_repack with --order-by (or pg_squeeze) to reorder the table online; keep maintenance out of migrations.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'ClusterStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (!n.relation) {
            ctx.report({ messageId: 'all', object: null, lock: 'ACCESS EXCLUSIVE' });
            return;
        }
        const table = rangeVarName(n.relation);
        if (!isExistingTable(ctx.catalog, table))
            return;
        ctx.report({
            messageId: 'table',
            data: { table: table.key },
            object: table.key,
            lock: 'ACCESS EXCLUSIVE',
        });
    },
};

const banConcurrentIndexInTransaction = {
    meta: {
        id: 'ban-concurrent-index-in-transaction',
        type: 'blocking',
        description: 'CREATE INDEX, DROP INDEX or REINDEX CONCURRENTLY inside a transaction block, which PostgreSQL refuses.',
        severity: 'error',
        breaking: false,
        messages: {
            transaction: '{{command}} cannot run inside a transaction block, and {{why}}, so PostgreSQL stops this migration with "ERROR: {{command}} cannot run inside a transaction block".',
            function: '{{command}} cannot run inside a DO block or function, so PostgreSQL stops this migration with "ERROR: {{command}} cannot be executed from a function".',
        },
        help: 'Run the statement outside a transaction: mark the migration non-transactional (goose `-- +goose NO TRANSACTION`, dbmate `-- migrate:up transaction:false`, Flyway `executeInTransaction=false`) or move it to a file of its own, without BEGIN/COMMIT around it.',
    },
    check(statement, ctx) {
        if (!statement.inTransaction && !statement.plpgsql)
            return;
        const [kind, n] = unwrap(statement.node);
        let command;
        let object;
        if (kind === 'IndexStmt' && n.concurrent) {
            command = 'CREATE INDEX CONCURRENTLY';
            object = rangeVarName(n.relation).key;
        }
        else if (kind === 'DropStmt' && n.removeType === 'OBJECT_INDEX' && n.concurrent) {
            command = 'DROP INDEX CONCURRENTLY';
            const first = Array.isArray(n.objects) ? n.objects[0] : undefined;
            object = first ? listName(unwrap(first)[1].items).key : null;
        }
        else if (kind === 'ReindexStmt' && hasOption(n.params, 'concurrently')) {
            command = 'REINDEX CONCURRENTLY';
            object = n.relation
                ? rangeVarName(n.relation).key
                : typeof n.name === 'string' && n.name
                    ? n.name
                    : null;
        }
        else
            return;
        const why = !ctx.file.transactional
            ? 'an explicit BEGIN opened one'
            : ctx.file.framework === 'sql'
                ? 'this file runs in one transaction'
                : `${ctx.file.framework} runs this file in one transaction`;
        ctx.report({
            messageId: statement.plpgsql ? 'function' : 'transaction',
            data: { command, why },
            object,
            lock: null,
        });
    },
};

const banCreateDomainWithConstraint = {
    meta: {
        id: 'ban-create-domain-with-constraint',
        type: 'blocking',
        description: 'CREATE DOMAIN with a CHECK constraint, which cannot be changed online later and hides the check from the tables.',
        severity: 'warning',
        breaking: false,
        messages: {
            create: 'Domain `{{domain}}` carries a CHECK constraint, which cannot be changed later without checking every column of the domain in every table under locks, and which readers of those tables’ definitions do not see.',
        },
        help: 'Declare the domain without a CHECK and put the CHECK constraint on the table columns, where NOT VALID and VALIDATE CONSTRAINT let you change it online.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'CreateDomainStmt')
            return;
        const [, n] = unwrap(statement.node);
        const domain = listName(n.domainname);
        const check = (Array.isArray(n.constraints) ? n.constraints : [])
            .map((c) => unwrap(c)[1])
            .find((c) => c.contype === 'CONSTR_CHECK');
        if (!check)
            return;
        ctx.report({
            messageId: 'create',
            data: { domain: domain.key },
            location: typeof check.location === 'number' ? check.location : undefined,
            object: domain.key,
            lock: null,
        });
    },
};

// Objects named by DROP statements, and the release's own history of them: was the object created or
// renamed into place by this release, or created again by a later statement of it?
const CATEGORY = {
    OBJECT_TABLE: 'relation',
    OBJECT_VIEW: 'relation',
    OBJECT_MATVIEW: 'relation',
    OBJECT_FOREIGN_TABLE: 'relation',
    OBJECT_TYPE: 'type',
    OBJECT_DOMAIN: 'type',
    OBJECT_SEQUENCE: 'sequence',
    OBJECT_SCHEMA: 'schema',
    OBJECT_INDEX: 'index',
    OBJECT_FUNCTION: 'function',
    OBJECT_PROCEDURE: 'function',
    OBJECT_ROUTINE: 'function',
    OBJECT_TRIGGER: 'trigger',
};
/** Kinds whose name is `ON table`: the last list item is the object, the rest the table. */
const ON_TABLE = new Set(['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE']);
/** The objects a `DropStmt` names, in order. */
function dropTargets(drop) {
    const removeType = typeof drop.removeType === 'string' ? drop.removeType : '';
    const category = CATEGORY[removeType] ?? 'other';
    const out = [];
    for (const o of Array.isArray(drop.objects) ? drop.objects : []) {
        const [kind, body] = unwrap(o);
        if (kind === 'String') {
            const n = typeof body.sval === 'string' ? body.sval : '';
            out.push({ category, key: n, name: { schema: n, name: n, key: n }, location: undefined });
        }
        else if (kind === 'TypeName') {
            const name = listName(body.names);
            out.push({ category, key: name.key, name, location: locationOf$1(body) });
        }
        else if (kind === 'ObjectWithArgs') {
            const name = listName(body.objname);
            out.push({ category, key: name.key, name, location: undefined });
        }
        else if (kind === 'List' && ON_TABLE.has(removeType)) {
            const parts = strings(body.items);
            const object = parts.pop() ?? '';
            const table = listName(parts.map((sval) => ({ String: { sval } })));
            out.push({
                category,
                key: `${table.key}.${object}`,
                name: qualify(object, table.schema),
                location: undefined,
            });
        }
        else if (kind === 'List') {
            const name = listName(body.items);
            out.push({ category, key: name.key, name, location: undefined });
        }
    }
    return out;
}
/** The object a statement creates, or renames or moves into place; undefined for other statements. */
function producedObject(statement) {
    const [kind, n] = unwrap(statement.node);
    switch (kind) {
        case 'CreateStmt':
            return { category: 'relation', key: rangeVarName(n.relation).key };
        case 'CreateForeignTableStmt':
            return { category: 'relation', key: rangeVarName(n.base?.relation).key };
        case 'CreateTableAsStmt':
            return { category: 'relation', key: rangeVarName(n.into?.rel).key };
        case 'ViewStmt':
            return { category: 'relation', key: rangeVarName(n.view).key };
        case 'CreateEnumStmt':
        case 'CreateRangeStmt':
            return { category: 'type', key: listName(n.typeName).key };
        case 'CreateDomainStmt':
            return { category: 'type', key: listName(n.domainname).key };
        case 'CompositeTypeStmt':
            return { category: 'type', key: rangeVarName(n.typevar).key };
        case 'CreateSeqStmt':
            return { category: 'sequence', key: rangeVarName(n.sequence).key };
        case 'CreateSchemaStmt':
            return { category: 'schema', key: typeof n.schemaname === 'string' ? n.schemaname : '' };
        case 'IndexStmt':
            return typeof n.idxname === 'string'
                ? { category: 'index', key: qualify(n.idxname, rangeVarName(n.relation).schema).key }
                : undefined;
        case 'CreateFunctionStmt':
            return { category: 'function', key: listName(n.funcname).key };
        case 'CreateTrigStmt':
            return { category: 'trigger', key: `${rangeVarName(n.relation).key}.${String(n.trigname ?? '')}` };
        case 'RenameStmt':
            return renamed(n);
        case 'AlterObjectSchemaStmt':
            return moved(n);
        default:
            return undefined;
    }
}
const RENAMED = {
    OBJECT_TABLE: 'relation',
    OBJECT_VIEW: 'relation',
    OBJECT_MATVIEW: 'relation',
    OBJECT_FOREIGN_TABLE: 'relation',
    OBJECT_SEQUENCE: 'sequence',
    OBJECT_INDEX: 'index',
    OBJECT_TYPE: 'type',
    OBJECT_DOMAIN: 'type',
    OBJECT_SCHEMA: 'schema',
};
function renamed(n) {
    const category = RENAMED[String(n.renameType)];
    const newName = typeof n.newname === 'string' ? n.newname : undefined;
    if (!category || newName === undefined)
        return undefined;
    if (category === 'schema')
        return { category, key: newName };
    const schema = n.relation ? rangeVarName(n.relation).schema : listName(unwrap(n.object)[1].items).schema;
    return { category, key: qualify(newName, schema).key };
}
function moved(n) {
    const category = RENAMED[String(n.objectType)];
    const schema = typeof n.newschema === 'string' ? n.newschema : undefined;
    if (!category || category === 'schema' || schema === undefined)
        return undefined;
    const name = n.relation ? rangeVarName(n.relation).name : listName(unwrap(n.object)[1].items).name;
    return { category, key: qualify(name, schema).key };
}
function same(a, b) {
    // Sequences, indexes and views share the relation name space with tables.
    const ns = (c) => (c === 'sequence' || c === 'index' ? 'relation' : c);
    return a.key === b.key && ns(a.category) === ns(b.category);
}
/** The first statement of `statements` that creates (or renames into place) `object`. */
function producerIn(statements, object) {
    return statements.find((s) => {
        const p = producedObject(s);
        return p !== undefined && same(p, object);
    });
}
/**
 * True when an earlier statement of this file renamed or moved another object to this name: running
 * code never used the name (the rename itself is what other rules judge).
 */
function renamedHereEarlier(statement, ctx, object) {
    const earlier = ctx.fileStatements.slice(0, statement.index);
    return earlier.some((s) => {
        if (s.kind !== 'RenameStmt' && s.kind !== 'AlterObjectSchemaStmt')
            return false;
        const p = producedObject(s);
        return p !== undefined && same(p, object);
    });
}
/** Whether the schema model knows the object, and whether it was created in the current release. */
function modelState(catalog, target) {
    switch (target.category) {
        case 'relation':
            return {
                known: catalog.relation(target.name) !== undefined,
                isNew: catalog.isNewRelation(target.name),
            };
        case 'type':
            return { known: catalog.type(target.name) !== undefined, isNew: catalog.isNewType(target.name) };
        case 'sequence':
            return {
                known: catalog.sequence(target.name) !== undefined,
                isNew: catalog.isNewSequence(target.name),
            };
        case 'schema':
            return { known: catalog.schemaExists(target.key), isNew: catalog.isNewSchema(target.key) };
        case 'index':
            return { known: catalog.index(target.name) !== undefined, isNew: catalog.isNewIndex(target.name) };
        default:
            return { known: false, isNew: false };
    }
}
/**
 * True when dropping `target` can affect the running release: the object is not new in this release,
 * did not get its name from a rename earlier in this file, and is not the `DROP ... IF EXISTS` of an
 * object the model never saw that a later statement of the release creates (an idempotent create script).
 */
function dropsPreexisting(statement, ctx, target, missingOk) {
    const state = modelState(ctx.catalog, target);
    if (state.isNew)
        return false;
    if (renamedHereEarlier(statement, ctx, target))
        return false;
    if (missingOk && !state.known && producerIn(ctx.later(), target))
        return false;
    if (target.category === 'sequence' && sequenceFreedEarlier(statement, ctx, target))
        return false;
    return true;
}
/**
 * True for the sequence of a serial column (`<table>_<column>_seq`) whose default an earlier statement
 * of this file dropped or replaced (Prisma and Django do this when a column stops being serial): the
 * running release only used it through that default, and the default change is what other rules judge.
 */
function sequenceFreedEarlier(statement, ctx, target) {
    return ctx.fileStatements.slice(0, statement.index).some((s) => {
        const alter = readAlterTable(s);
        if (!alter || alter.table.schema !== target.name.schema)
            return false;
        return alter.cmds.some((c) => (c.subtype === 'AT_ColumnDefault' || c.subtype === 'AT_DropColumn') &&
            `${alter.table.name}_${c.name ?? ''}_seq` === target.name.name);
    });
}
/** The column names a `CREATE VIEW` produces, or undefined when they cannot all be known (`*`, set ops). */
function viewColumns(view) {
    const aliases = strings(view.aliases);
    const [, select] = unwrap(view.query);
    const targets = Array.isArray(select.targetList) ? select.targetList : [];
    if (!targets.length)
        return aliases.length ? aliases : undefined;
    const names = [];
    for (const [i, t] of targets.entries()) {
        const alias = aliases[i];
        if (alias !== undefined) {
            names.push(alias);
            continue;
        }
        const [, rt] = unwrap(t);
        if (typeof rt.name === 'string') {
            names.push(rt.name);
            continue;
        }
        const [kind, val] = unwrap(rt.val);
        const last = kind === 'ColumnRef' ? strings(val.fields).pop() : undefined;
        if (!last || last === '*')
            return undefined;
        names.push(last);
    }
    return names;
}

/** Object kinds as written after DROP, for the message. */
const WORDS = {
    OBJECT_TABLE: 'TABLE',
    OBJECT_FOREIGN_TABLE: 'FOREIGN TABLE',
    OBJECT_VIEW: 'VIEW',
    OBJECT_MATVIEW: 'MATERIALIZED VIEW',
    OBJECT_INDEX: 'INDEX',
    OBJECT_SEQUENCE: 'SEQUENCE',
    OBJECT_TYPE: 'TYPE',
    OBJECT_DOMAIN: 'DOMAIN',
    OBJECT_SCHEMA: 'SCHEMA',
    OBJECT_FUNCTION: 'FUNCTION',
    OBJECT_PROCEDURE: 'PROCEDURE',
    OBJECT_ROUTINE: 'ROUTINE',
    OBJECT_AGGREGATE: 'AGGREGATE',
    OBJECT_OPERATOR: 'OPERATOR',
    OBJECT_TRIGGER: 'TRIGGER',
    OBJECT_RULE: 'RULE',
    OBJECT_POLICY: 'POLICY',
    OBJECT_EXTENSION: 'EXTENSION',
    OBJECT_COLLATION: 'COLLATION',
    OBJECT_CAST: 'CAST',
    OBJECT_FOREIGN_SERVER: 'SERVER',
};
/** Dropping these takes an ACCESS EXCLUSIVE lock on the object itself (a relation) or on its table. */
const RELATION_LOCK = new Set([
    'OBJECT_TABLE',
    'OBJECT_FOREIGN_TABLE',
    'OBJECT_VIEW',
    'OBJECT_MATVIEW',
    'OBJECT_INDEX',
    'OBJECT_SEQUENCE',
    'OBJECT_SCHEMA',
    'OBJECT_TRIGGER',
    'OBJECT_RULE',
    'OBJECT_POLICY',
]);
const banDropCascade = {
    meta: {
        id: 'ban-drop-cascade',
        type: 'breaking',
        description: 'DROP ... CASCADE, which silently drops every dependent object as well.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: '`DROP {{what}} ... CASCADE` on `{{object}}` also drops, without listing them, every view, foreign key, default, trigger or column that depends on it, which the running release may still use.',
            alter: '`DROP {{what}} ... CASCADE` on `{{object}}` also drops, without listing them, every view, foreign key or index that depends on it, which the running release may still use; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
            constraint: '`DROP CONSTRAINT ... CASCADE` on `{{object}}` also drops, without listing them, the foreign keys of other tables that depend on it, so they stop being enforced; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
        },
        help: 'Drop without CASCADE so PostgreSQL names the dependents, and remove each dependent the running release still uses through its own expand and contract steps first.',
    },
    check(statement, ctx) {
        if (statement.kind === 'DropStmt') {
            const [, n] = unwrap(statement.node);
            if (n.behavior !== 'DROP_CASCADE')
                return;
            const removeType = String(n.removeType);
            const what = WORDS[removeType] ?? removeType.replace(/^OBJECT_/, '').replace(/_/g, ' ');
            const lock = RELATION_LOCK.has(removeType) ? 'ACCESS EXCLUSIVE' : null;
            for (const target of dropTargets(n)) {
                if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok)))
                    continue;
                // Replaced later in the release (DROP VIEW v CASCADE; CREATE VIEW v ...): the rules for the
                // object itself judge the replacement; CASCADE here is mostly defensive.
                if (producerIn(ctx.later(), target))
                    continue;
                ctx.report({
                    messageId: 'drop',
                    data: { what, object: target.key },
                    object: target.key,
                    lock,
                    ...(target.location !== undefined ? { location: target.location } : {}),
                });
            }
            return;
        }
        const alter = readAlterTable(statement);
        if (!alter || ctx.catalog.isNewRelation(alter.table))
            return;
        for (const cmd of alter.cmds) {
            if (!cmd.cascade || !cmd.name)
                continue;
            const object = `${alter.table.key}.${cmd.name}`;
            if (cmd.subtype === 'AT_DropColumn') {
                if (ctx.catalog.isNewColumn(alter.table, cmd.name))
                    continue;
                if (cmd.missingOk && ctx.catalog.relation(alter.table) && !ctx.catalog.column(alter.table, cmd.name))
                    continue;
                ctx.report({
                    location: cmdLocation(statement, cmd),
                    messageId: 'alter',
                    data: { what: 'COLUMN', object, table: alter.table.key },
                    object,
                    lock: 'ACCESS EXCLUSIVE',
                });
            }
            else if (cmd.subtype === 'AT_DropConstraint') {
                // The model's names for unnamed constraints are a guess, so an unknown name is not taken as absent.
                const con = ctx.catalog.relation(alter.table)?.constraints.get(cmd.name);
                if (con && con.origin === ctx.catalog.release)
                    continue;
                // Dependents of a constraint are foreign keys: losing them weakens integrity but fails no query
                // of the running release, so this is a warning, not a breaking change.
                ctx.report({
                    location: cmdLocation(statement, cmd),
                    messageId: 'constraint',
                    data: { object, table: alter.table.key },
                    object,
                    lock: 'ACCESS EXCLUSIVE',
                    breaking: false,
                    severity: 'warning',
                });
            }
        }
    },
};

const banDropColumn = {
    meta: {
        id: 'ban-drop-column',
        type: 'breaking',
        description: 'Dropping a column that the running application may still read or write.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: 'Dropping column `{{object}}` breaks the running release, which still reads or writes it; it also takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
        },
        help: 'Stop using the column in the application first, deploy, then drop it in a later (contract) migration.',
    },
    check(statement, ctx) {
        const alter = readAlterTable(statement);
        if (!alter)
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype !== 'AT_DropColumn' || !cmd.name)
                continue;
            if (ctx.catalog.isNewColumn(alter.table, cmd.name))
                continue;
            // DROP COLUMN IF EXISTS of a column that the history never had drops nothing.
            if (cmd.missingOk && ctx.catalog.relation(alter.table) && !ctx.catalog.column(alter.table, cmd.name))
                continue;
            const object = `${alter.table.key}.${cmd.name}`;
            ctx.report({
                messageId: 'drop',
                data: { object, table: alter.table.key },
                object,
                lock: 'ACCESS EXCLUSIVE',
                location: cmdLocation(statement, cmd),
            });
        }
    },
};

const banDropDatabase = {
    meta: {
        id: 'ban-drop-database',
        type: 'breaking',
        description: 'Dropping a database from a migration.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: 'Dropping database `{{object}}` deletes all of its data and breaks every application still connected to it{{force}}.',
        },
        help: 'Drop databases by hand, after every application has moved off them and a backup exists; never from a migration.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'DropdbStmt')
            return;
        const [, n] = unwrap(statement.node);
        const name = typeof n.dbname === 'string' ? n.dbname : '';
        const force = (Array.isArray(n.options) ? n.options : []).some((o) => unwrap(o)[1].defname === 'force');
        ctx.report({
            messageId: 'drop',
            data: { object: name, force: force ? ' (WITH (FORCE) terminates their sessions)' : '' },
            object: name,
            lock: null,
        });
    },
};

const banDropNotNull = {
    meta: {
        id: 'ban-drop-not-null',
        type: 'breaking',
        description: 'DROP NOT NULL on a column that the running application reads as never NULL.',
        severity: 'notice',
        breaking: false,
        messages: {
            drop: 'Dropping NOT NULL on `{{object}}` is a safe expand step for writes, but once new code stores NULL there, the running release may read a NULL it does not expect.',
        },
        help: 'Ship readers that handle NULL in the column before any code writes NULL there; the migration itself can stay as it is.',
    },
    check(statement, ctx) {
        const alter = readAlterTable(statement);
        if (!alter || ctx.catalog.isNewRelation(alter.table))
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype !== 'AT_DropNotNull' || !cmd.name)
                continue;
            if (ctx.catalog.isNewColumn(alter.table, cmd.name))
                continue;
            const col = ctx.catalog.column(alter.table, cmd.name);
            // The model knows the column is already nullable: nothing changes.
            if (col && !col.notNull)
                continue;
            const object = `${alter.table.key}.${cmd.name}`;
            ctx.report({
                location: cmdLocation(statement, cmd),
                messageId: 'drop',
                data: { object },
                object,
                lock: 'ACCESS EXCLUSIVE',
                breaking: false,
            });
        }
    },
};

const banDropSchema = {
    meta: {
        id: 'ban-drop-schema',
        type: 'breaking',
        description: 'Dropping a schema whose objects the running application may still use.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: 'Dropping schema `{{object}}` breaks the running release, whose queries still name it or find objects in it through search_path.',
            cascade: 'Dropping schema `{{object}}` with CASCADE deletes every table, view, type and function in it that the running release still uses, taking an ACCESS EXCLUSIVE lock on each of its tables.',
        },
        help: 'Move or drop the objects the application still uses one by one through their own expand and contract steps; drop the empty schema last, without CASCADE.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'DropStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (n.removeType !== 'OBJECT_SCHEMA')
            return;
        const cascade = n.behavior === 'DROP_CASCADE';
        for (const target of dropTargets(n)) {
            if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok)))
                continue;
            ctx.report({
                messageId: cascade ? 'cascade' : 'drop',
                data: { object: target.key },
                object: target.key,
                lock: cascade ? 'ACCESS EXCLUSIVE' : null,
            });
        }
    },
};

const banDropSequence = {
    meta: {
        id: 'ban-drop-sequence',
        type: 'breaking',
        description: 'Dropping a sequence that the running application or a column default may still use.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: "Dropping sequence `{{object}}` breaks the running release wherever it still calls nextval('{{object}}') or inserts through a column default that uses it; it takes an ACCESS EXCLUSIVE lock on the sequence.",
        },
        help: 'Move every default and application call off the sequence (e.g. to an identity column), deploy that, then drop the sequence in a later (contract) migration.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'DropStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (n.removeType !== 'OBJECT_SEQUENCE')
            return;
        for (const target of dropTargets(n)) {
            if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok)))
                continue;
            ctx.report({
                messageId: 'drop',
                data: { object: target.key },
                object: target.key,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

const KINDS$3 = { OBJECT_TABLE: 'table', OBJECT_FOREIGN_TABLE: 'foreign table' };
const banDropTable = {
    meta: {
        id: 'ban-drop-table',
        type: 'breaking',
        description: 'Dropping a table that the running application may still read or write.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: 'Dropping {{kind}} `{{object}}` breaks the running release, whose queries on it fail with "relation does not exist", and deletes its data; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{object}}`.',
        },
        help: 'Remove every use of the table from the application and deploy that first; drop the table in a later (contract) migration, after a backup if the data matters.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'DropStmt')
            return;
        const [, n] = unwrap(statement.node);
        const kind = KINDS$3[String(n.removeType)];
        if (!kind)
            return;
        for (const target of dropTargets(n)) {
            if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok)))
                continue;
            ctx.report({
                messageId: 'drop',
                data: { kind, object: target.key },
                object: target.key,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

const banDropType = {
    meta: {
        id: 'ban-drop-type',
        type: 'breaking',
        description: 'Dropping a type, enum or domain that the running application may still use.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: 'Dropping {{kind}} `{{object}}` breaks the running release wherever it still casts to it (`$1::{{name}}`) or uses it in a function.',
            cascade: 'Dropping {{kind}} `{{object}}` with CASCADE also drops every column and function that uses it, breaking the running release that still reads and writes them; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on each table with such a column.',
        },
        help: 'Stop referring to the type in the application and in columns and functions, deploy that, then drop the type in a later (contract) migration.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'DropStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (n.removeType !== 'OBJECT_TYPE' && n.removeType !== 'OBJECT_DOMAIN')
            return;
        for (const target of dropTargets(n)) {
            if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok)))
                continue;
            // DROP TYPE x; CREATE TYPE x ... in the same release: the name keeps working for the running release.
            if (producerIn(ctx.later(), target))
                continue;
            const known = ctx.catalog.type(target.name)?.kind;
            const kind = n.removeType === 'OBJECT_DOMAIN' ? 'domain' : known === 'enum' ? 'enum type' : 'type';
            const cascade = n.behavior === 'DROP_CASCADE';
            ctx.report({
                messageId: cascade ? 'cascade' : 'drop',
                data: { kind, object: target.key, name: target.name.name },
                object: target.key,
                lock: cascade ? 'ACCESS EXCLUSIVE' : null,
                ...(target.location !== undefined ? { location: target.location } : {}),
            });
        }
    },
};

const KINDS$2 = { OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'materialized view' };
const banDropView = {
    meta: {
        id: 'ban-drop-view',
        type: 'breaking',
        description: 'Dropping a view or materialized view that the running application may still read.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: 'Dropping {{kind}} `{{object}}` breaks the running release, whose queries on it fail with "relation does not exist"; it takes an ACCESS EXCLUSIVE lock, blocking reads on `{{object}}`.',
            recreated: 'Recreating {{kind}} `{{object}}` without column(s) {{columns}} breaks the running release, whose queries still select them; the drop takes an ACCESS EXCLUSIVE lock, blocking reads on `{{object}}`.',
        },
        help: 'To change a view, recreate it with every column the running release selects (CREATE OR REPLACE VIEW, or DROP and CREATE in one transaction); drop it, or drop columns, only in a later (contract) migration once no deployed code reads them.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'DropStmt')
            return;
        const [, n] = unwrap(statement.node);
        const kind = KINDS$2[String(n.removeType)];
        if (!kind)
            return;
        for (const target of dropTargets(n)) {
            if (!dropsPreexisting(statement, ctx, target, Boolean(n.missing_ok)))
                continue;
            const recreate = producerIn(ctx.later(), target);
            if (recreate) {
                const lost = lostColumns(ctx, target, recreate);
                if (lost.length === 0)
                    continue;
                ctx.report({
                    messageId: 'recreated',
                    data: { kind, object: target.key, columns: lost.map((c) => `\`${c}\``).join(', ') },
                    object: target.key,
                    lock: 'ACCESS EXCLUSIVE',
                });
                continue;
            }
            ctx.report({
                messageId: 'drop',
                data: { kind, object: target.key },
                object: target.key,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};
/** Columns the model knows the old view had that its re-creation (when fully known) no longer has. */
function lostColumns(ctx, target, recreate) {
    if (recreate.kind !== 'ViewStmt')
        return [];
    const after = viewColumns(unwrap(recreate.node)[1]);
    const before = ctx.catalog.relation(target.name)?.columns;
    if (!after || !before)
        return [];
    return [...before.keys()].filter((c) => !after.includes(c));
}

const SCOPES = new Set(['REINDEX_OBJECT_SCHEMA', 'REINDEX_OBJECT_DATABASE']);
const banReindexWithoutConcurrently = {
    meta: {
        id: 'ban-reindex-without-concurrently',
        type: 'blocking',
        description: 'REINDEX without CONCURRENTLY on an existing table or index.',
        severity: 'error',
        breaking: false,
        messages: {
            reindex: 'Reindexing {{what}} without CONCURRENTLY takes a SHARE lock, blocking writes on {{table}}, and an ACCESS EXCLUSIVE lock on each index it rebuilds, blocking the queries that use it until the rebuild finishes.',
            wide: 'Reindexing {{what}} without CONCURRENTLY takes a SHARE lock on each of its tables in turn, blocking writes on it, and an ACCESS EXCLUSIVE lock on each index it rebuilds, blocking the queries that use it.',
            legacy: 'Reindexing {{what}} takes a SHARE lock, blocking writes on {{table}}, and an ACCESS EXCLUSIVE lock on each index it rebuilds; PostgreSQL {{version}} has no REINDEX CONCURRENTLY (it arrived in 12), so build a replacement index with CREATE INDEX CONCURRENTLY instead.',
        },
        help: 'Use REINDEX ... CONCURRENTLY (PostgreSQL 12 and later) outside a transaction; before 12, CREATE INDEX CONCURRENTLY a copy, DROP INDEX CONCURRENTLY the old one and rename the copy.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'ReindexStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (hasOption(n.params, 'concurrently'))
            return;
        const kind = String(n.kind);
        const legacy = ctx.postgresVersion < 12;
        if (SCOPES.has(kind)) {
            const named = typeof n.name === 'string' && n.name ? n.name : undefined;
            const what = kind === 'REINDEX_OBJECT_SCHEMA'
                ? `schema \`${named ?? ''}\``
                : named
                    ? `database \`${named}\``
                    : 'the database';
            ctx.report({
                messageId: legacy ? 'legacy' : 'wide',
                data: { what, table: 'each of its tables in turn', version: ctx.postgresVersion },
                object: named ?? null,
                lock: 'SHARE',
            });
            return;
        }
        const name = rangeVarName(n.relation);
        if (!name.name)
            return;
        let table;
        if (kind === 'REINDEX_OBJECT_TABLE') {
            if (ctx.catalog.isNewRelation(name))
                return;
            table = `\`${name.key}\``;
        }
        else if (kind === 'REINDEX_OBJECT_INDEX') {
            if (ctx.catalog.isNewIndex(name))
                return;
            const owner = ctx.catalog.index(name)?.table;
            table = owner ? `\`${owner}\`` : 'its table';
        }
        else
            return;
        ctx.report({
            messageId: legacy ? 'legacy' : 'reindex',
            data: { what: `\`${name.key}\``, table, version: ctx.postgresVersion },
            object: name.key,
            lock: 'SHARE',
        });
    },
};

const banTruncate = {
    meta: {
        id: 'ban-truncate',
        type: 'breaking',
        description: 'TRUNCATE of a table whose rows the running application still reads.',
        severity: 'error',
        breaking: true,
        messages: {
            truncate: 'Truncating `{{object}}` deletes every row the running release still reads, under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{object}}`.',
            cascade: 'Truncating `{{object}}` with CASCADE deletes every row of it and of every table with a foreign key to it, which the running release still reads, under an ACCESS EXCLUSIVE lock, blocking reads and writes on all of them.',
        },
        help: 'Delete only the rows you mean to, in small batches (DELETE ... WHERE id BETWEEN ...), or truncate only after no deployed code uses the table; never CASCADE.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'TruncateStmt')
            return;
        const [, n] = unwrap(statement.node);
        const cascade = n.behavior === 'DROP_CASCADE';
        for (const r of Array.isArray(n.relations) ? n.relations : []) {
            const [, rv] = unwrap(r);
            const table = rangeVarName(rv);
            if (!table.name || ctx.catalog.isNewRelation(table))
                continue;
            const location = locationOf$1(rv);
            ctx.report({
                messageId: cascade ? 'cascade' : 'truncate',
                data: { object: table.key },
                object: table.key,
                lock: 'ACCESS EXCLUSIVE',
                ...(location !== undefined ? { location } : {}),
            });
        }
    },
};

const OPENS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START']);
const CLOSES = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE']);
const banUncommittedTransaction = {
    meta: {
        id: 'ban-uncommitted-transaction',
        type: 'advisory',
        description: 'A BEGIN with no COMMIT or ROLLBACK by the end of the file.',
        severity: 'error',
        breaking: false,
        messages: {
            open: '`BEGIN` opens a transaction that nothing commits or rolls back by the end of the file, so whether its statements are kept depends on what the migration tool does next (psql silently rolls them back).',
        },
        help: 'Add `COMMIT;` after the last statement of the transaction, or remove the `BEGIN`.',
    },
    check(statement, ctx) {
        // A framework that wraps the file commits it; an inner BEGIN is transaction-nesting's concern.
        if (ctx.file.transactional || statement.plpgsql || transactionKind(statement) === undefined)
            return;
        if (unclosedBegin(ctx.fileStatements) === statement.index)
            ctx.report({ messageId: 'open' });
    },
};
function transactionKind(s) {
    if (s.kind !== 'TransactionStmt')
        return undefined;
    return s.node.TransactionStmt.kind;
}
/** Index of the BEGIN whose transaction is still open at the end of the file, if any. */
function unclosedBegin(statements) {
    let open;
    for (const s of statements) {
        if (s.plpgsql)
            continue;
        const kind = transactionKind(s);
        if (kind === undefined)
            continue;
        // A BEGIN inside an open transaction only warns; the first BEGIN still owns the transaction.
        if (OPENS.has(kind))
            open ??= s.index;
        else if (CLOSES.has(kind))
            open = undefined;
    }
    return open;
}

const banVacuumFull = {
    meta: {
        id: 'ban-vacuum-full',
        type: 'blocking',
        description: 'VACUUM FULL, which rewrites tables under ACCESS EXCLUSIVE.',
        severity: 'error',
        breaking: false,
        messages: {
            table: 'VACUUM FULL rewrites `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
            database: 'VACUUM FULL without a table rewrites every table in the database, one after another, each under an ACCESS EXCLUSIVE lock that blocks its reads and writes until its rewrite finishes.',
        },
        help: 'Use pg_repack or pg_squeeze to compact the table online, or a plain VACUUM, which blocks neither reads nor writes; keep maintenance out of migrations.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'VacuumStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (n.is_vacuumcmd !== true || !vacuumIsFull(n))
            return;
        const rels = Array.isArray(n.rels) ? n.rels : [];
        if (!rels.length) {
            ctx.report({ messageId: 'database', object: null, lock: 'ACCESS EXCLUSIVE' });
            return;
        }
        for (const r of rels) {
            const relation = unwrap(r)[1].relation;
            const table = rangeVarName(relation);
            if (!table.name || !isExistingTable(ctx.catalog, table))
                continue;
            ctx.report({
                messageId: 'table',
                data: { table: table.key },
                location: typeof relation?.location === 'number' ? relation.location : undefined,
                object: table.key,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

// Column type changes: which ones PostgreSQL treats as binary coercible (no rewrite, every value keeps its
// meaning, so the running release cannot tell), and whether the others rewrite the table.
const SERIALS = { serial2: 'int2', serial4: 'int4', serial8: 'int8' };
/** Types whose only modifier is a length or precision where a larger (or no) modifier accepts every old value. */
const WIDENS = new Set(['varchar', 'varbit', 'timestamp', 'timestamptz', 'time', 'timetz']);
/** Default precision PostgreSQL applies when the modifier is omitted (null: unbounded). */
const IMPLICIT_MOD = {
    varchar: null,
    varbit: null,
    timestamp: 6,
    timestamptz: 6,
    time: 6,
    timetz: 6,
};
function base(t) {
    return SERIALS[t.name] ?? t.name;
}
function sameSchema(a, b) {
    return a.schema === null || b.schema === null || a.schema === b.schema;
}
/** True when a value of `from` is always a valid `to` value with the same meaning, and PostgreSQL skips the rewrite. */
function isBinaryCoercible(from, to) {
    if (from.arrayDims > 0 !== to.arrayDims > 0)
        return false;
    if (!sameSchema(from, to))
        return false;
    const a = base(from);
    const b = base(to);
    if (a === b)
        return widens(a, from.mods, to.mods);
    if (a === 'varchar' && b === 'text')
        return true;
    if (a === 'text' && b === 'varchar')
        return to.mods.length === 0;
    if (a === 'cidr' && b === 'inet')
        return true;
    return false;
}
function widens(name, from, to) {
    if (from.length === to.length && from.every((m, i) => m === to[i]))
        return true;
    if (name === 'numeric') {
        if (to.length === 0)
            return true;
        if (from.length === 0)
            return false;
        const [p1 = 0, s1 = 0] = from;
        const [p2 = 0, s2 = 0] = to;
        return p2 >= p1 && s2 === s1;
    }
    if (!WIDENS.has(name))
        return false;
    if (to.length === 0)
        return IMPLICIT_MOD[name] === null || (from[0] ?? 0) <= (IMPLICIT_MOD[name] ?? 0);
    const old = from.length ? from[0] : IMPLICIT_MOD[name];
    return old !== null && old !== undefined && (to[0] ?? 0) >= old;
}
/**
 * Classifies `ALTER COLUMN ... TYPE to [USING ...]` on a column of type `from` (undefined when the
 * model does not know the column's type).
 */
function classifyTypeChange(from, to, options) {
    if (options.using)
        return { kind: 'change', rewrite: 'yes' };
    if (!from || from.name === 'unknown')
        return { kind: 'change', rewrite: 'maybe' };
    if (isBinaryCoercible(from, to))
        return { kind: 'compatible' };
    const pair = `${base(from)}>${base(to)}`;
    if ((pair === 'timestamp>timestamptz' || pair === 'timestamptz>timestamp') &&
        from.arrayDims === to.arrayDims) {
        // PostgreSQL 12+ skips the rewrite when the session TimeZone is UTC; the values still change meaning.
        return { kind: 'change', rewrite: options.postgresVersion >= 12 ? 'unless-utc' : 'yes' };
    }
    return { kind: 'change', rewrite: 'yes' };
}
function sameType(a, b) {
    return (base(a) === base(b) &&
        sameSchema(a, b) &&
        a.arrayDims > 0 === b.arrayDims > 0 &&
        a.mods.length === b.mods.length &&
        a.mods.every((m, i) => m === b.mods[i]));
}
/**
 * True when a USING expression only restates the implicit conversion: `USING col` or `USING col::<new type>`
 * (what Django, migra and Supabase generate). Such a clause changes nothing the plain ALTER would not.
 */
function isTrivialUsing(expr, column, to) {
    let [kind, n] = unwrap(expr);
    if (kind === 'TypeCast') {
        if (!sameType(typeRef(n.typeName), to))
            return false;
        [kind, n] = unwrap(n.arg);
    }
    return kind === 'ColumnRef' && strings(n.fields).pop() === column;
}

const MESSAGE_BY_REWRITE = { yes: 'rewrite', maybe: 'unknown', 'unless-utc': 'timezone' };
const changingColumnType = {
    meta: {
        id: 'changing-column-type',
        type: 'breaking',
        description: 'Changing the type of a column that the running application still reads and writes.',
        severity: 'error',
        breaking: true,
        messages: {
            rewrite: 'Changing `{{object}}` from {{from}} to {{to}} breaks the running release, which still reads and writes {{from}} values, and rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until it finishes.',
            unknown: 'Changing `{{object}}` to {{to}} breaks the running release, which still reads and writes the old type, and may rewrite the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` until it finishes.',
            enumNarrowed: 'Changing `{{object}}` from enum {{from}} to enum {{to}} drops the values {{removed}}, so the running release fails when it writes them; it also rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
            enumWidened: 'Changing `{{object}}` from enum {{from}} to enum {{to}} keeps every value the running release writes, but rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`; prefer `ALTER TYPE ... ADD VALUE` on the existing enum.',
            timezone: 'Changing `{{object}}` from {{from}} to {{to}} changes what every stored value means to the running release, and rewrites the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`, unless the session TimeZone is UTC.',
        },
        help: 'Add a column of the new type, keep both in sync (dual writes or a trigger), backfill in batches, switch reads, then drop the old column in a later (contract) migration.',
    },
    check(statement, ctx) {
        const alter = readAlterTable(statement);
        if (!alter)
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype !== 'AT_AlterColumnType' || !cmd.name)
                continue;
            const def = columnDef(cmd);
            if (!def || ctx.catalog.isNewColumn(alter.table, cmd.name))
                continue;
            const to = typeRef(def.typeName);
            const from = ctx.catalog.column(alter.table, cmd.name)?.type;
            const object = `${alter.table.key}.${cmd.name}`;
            const location = locationOf$1(def);
            const enums = from ? enumChange(ctx.catalog, from, to) : undefined;
            if (enums) {
                // Enum to enum: old code breaks only if a value it writes is gone.
                ctx.report({
                    messageId: enums.removed.length ? 'enumNarrowed' : 'enumWidened',
                    data: {
                        object,
                        table: alter.table.key,
                        from: from?.display ?? '',
                        to: to.display,
                        removed: enums.removed.map((v) => `'${v}'`).join(', '),
                    },
                    object,
                    lock: 'ACCESS EXCLUSIVE',
                    breaking: enums.removed.length > 0,
                    ...(enums.removed.length ? {} : { severity: 'warning' }),
                    ...(location !== undefined ? { location } : {}),
                });
                continue;
            }
            const using = def.raw_default !== undefined && def.raw_default !== null;
            const change = classifyTypeChange(from, to, {
                using: using && !isTrivialUsing(def.raw_default, cmd.name, to),
                postgresVersion: ctx.postgresVersion,
            });
            if (change.kind === 'compatible')
                continue;
            ctx.report({
                messageId: MESSAGE_BY_REWRITE[change.rewrite],
                data: { object, table: alter.table.key, from: from?.display ?? 'unknown', to: to.display },
                object,
                lock: 'ACCESS EXCLUSIVE',
                ...(location !== undefined ? { location } : {}),
            });
        }
    },
};
/** For a change between two enums the model knows: the labels of `from` that `to` lacks. */
function enumChange(catalog, from, to) {
    if (from.arrayDims !== to.arrayDims)
        return undefined;
    const a = catalog.type(qualify(from.name, from.schema));
    const b = catalog.type(qualify(to.name, to.schema));
    if (a?.kind !== 'enum' || b?.kind !== 'enum')
        return undefined;
    return { removed: a.values.filter((v) => !b.values.includes(v)) };
}

const constraintMissingNotValid = {
    meta: {
        id: 'constraint-missing-not-valid',
        type: 'blocking',
        description: 'Adding a CHECK constraint to an existing table without NOT VALID, which scans every row under ACCESS EXCLUSIVE.',
        severity: 'error',
        breaking: false,
        messages: {
            add: 'Adding CHECK constraint `{{constraint}}` scans every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the scan finishes.',
            column: 'Adding column `{{column}}` with CHECK constraint `{{constraint}}` scans every row of `{{table}}` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the scan finishes.',
        },
        help: 'Add the constraint with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a later transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on); for a new column, add the column first and the constraint in its own statement.',
    },
    check(statement, ctx) {
        for (const c of addedConstraints(statement)) {
            if (c.contype !== 'CONSTR_CHECK' || c.notValid || !c.enforced)
                continue;
            if (!isExistingTable(ctx.catalog, c.table))
                continue;
            ctx.report({
                messageId: c.column ? 'column' : 'add',
                data: { constraint: c.name, table: c.table.key, column: c.columns[0] ?? '' },
                location: c.location,
                object: `${c.table.key}.${c.name}`,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

const droppingColumnDefault = {
    meta: {
        id: 'dropping-column-default',
        type: 'breaking',
        description: 'Dropping the default of a column that the running application omits on insert.',
        severity: 'error',
        breaking: true,
        messages: {
            drop: 'Dropping the default of `{{object}}`{{was}} breaks the running release, whose inserts that omit the column relied on it and now store NULL or fail on NOT NULL.',
            newColumn: 'Dropping the default of new NOT NULL column `{{object}}` breaks the running release, whose inserts into `{{table}}` do not set the column and now fail.',
        },
        help: 'Keep the default until every deployed version sets the column on insert; drop it in a later (contract) migration.',
    },
    check(statement, ctx) {
        const alter = readAlterTable(statement);
        if (!alter || ctx.catalog.isNewRelation(alter.table))
            return;
        for (const [i, cmd] of alter.cmds.entries()) {
            if (cmd.subtype !== 'AT_ColumnDefault' || !cmd.name)
                continue;
            if (cmd.def !== undefined && !isNullExpr(cmd.def))
                continue;
            const column = cmd.name;
            // Net effect: a default (or identity) comes back later in this statement or this release.
            if (alter.cmds.slice(i + 1).some((c) => givesDefault(c, column)))
                continue;
            if (defaultSetIn(ctx.later(), alter.table, column))
                continue;
            const object = `${alter.table.key}.${column}`;
            const added = alter.cmds
                .slice(0, i)
                .map((c) => (c.subtype === 'AT_AddColumn' ? columnDef(c) : undefined))
                .find((d) => d?.colname === column);
            if (added || ctx.catalog.isNewColumn(alter.table, column)) {
                // A column added in this release (Django adds it with a default, then drops the default): old
                // inserts omit it, which fails once it is NOT NULL without a default.
                const notNull = added ? declaresNotNull(added) : ctx.catalog.column(alter.table, column)?.notNull;
                if (notNull)
                    ctx.report({
                        location: cmdLocation(statement, cmd),
                        messageId: 'newColumn',
                        data: { object, table: alter.table.key },
                        object,
                        lock: 'ACCESS EXCLUSIVE',
                    });
                continue;
            }
            const col = ctx.catalog.column(alter.table, column);
            // The model knows the column and that it has no default: nothing changes for inserts.
            if (col && col.default === null)
                continue;
            // The default was set earlier in this file: dropping it undoes this release's own change.
            if (defaultSetIn(earlierInFile(statement, ctx.fileStatements), alter.table, column))
                continue;
            ctx.report({
                location: cmdLocation(statement, cmd),
                messageId: 'drop',
                data: { object, was: col?.default ? ` (${col.default})` : '' },
                object,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};
function earlierInFile(statement, all) {
    return all.slice(0, statement.index);
}

/** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps, in bytes. */
const MAX_BYTES = 63;
const identifierTooLong = {
    meta: {
        id: 'identifier-too-long',
        type: 'advisory',
        description: 'A name longer than 63 bytes, which PostgreSQL silently truncates.',
        severity: 'error',
        breaking: false,
        messages: {
            long: 'Identifier `{{name}}` is {{bytes}} bytes long and PostgreSQL silently truncates it to at most 63 bytes (`{{truncated}}`), so code and tools that use the full name will not find it and any other name with the same first 63 bytes collides with it.',
        },
        help: 'Shorten the name to 63 bytes or fewer (UTF-8).',
    },
    check(statement, ctx) {
        // Cheap first: a name over 63 bytes needs a run of at least 16 identifier characters in the text.
        if (!hasLongWord(statement.text))
            return;
        const defined = definedNames(statement.node);
        if (defined.size === 0)
            return;
        const tokens = scanSql(statement.text);
        if (!tokens)
            return;
        const seen = new Set();
        for (const token of tokens) {
            if (token.tokenName !== 'IDENT')
                continue;
            const name = identifierValue(token.text);
            if (name === undefined)
                continue;
            const bytes = Buffer.byteLength(name, 'utf8');
            if (bytes <= MAX_BYTES || seen.has(name))
                continue;
            const truncated = truncate(name);
            // The parser has already truncated the names it returns; match either form.
            if (!defined.has(truncated) && !defined.has(name))
                continue;
            seen.add(name);
            ctx.report({
                messageId: 'long',
                data: { name, bytes, truncated },
                location: locationOf(statement, token.start),
                object: name,
            });
        }
    },
};
/** Names the statement creates (not the ones it refers to). */
function definedNames(node) {
    const names = new Set();
    const add = (value) => {
        if (typeof value === 'string' && value)
            names.add(value);
    };
    const lastOf = (list) => add(strings(list).pop());
    const columnDef = (def) => {
        add(def.colname);
        for (const c of def.constraints ?? [])
            add(c.Constraint?.conname);
    };
    const elements = (list) => {
        for (const elt of list ?? []) {
            const [k, body] = unwrap(elt);
            if (k === 'ColumnDef')
                columnDef(body);
            else if (k === 'Constraint')
                add(body.conname);
        }
    };
    const visit = (stmt) => {
        const [kind, n] = unwrap(stmt);
        switch (kind) {
            case 'CreateStmt':
            case 'CreateForeignTableStmt': {
                const base = kind === 'CreateStmt' ? n : (n.base ?? {});
                add(rangeVarName(base.relation).name);
                elements(base.tableElts);
                return;
            }
            case 'CreateTableAsStmt': {
                const into = (n.into ?? {});
                add(rangeVarName(into.rel).name);
                strings(into.colNames).forEach(add);
                return;
            }
            case 'ViewStmt':
                add(rangeVarName(n.view).name);
                strings(n.aliases).forEach(add);
                return;
            case 'IndexStmt':
                return add(n.idxname);
            case 'CreateSeqStmt':
                return add(rangeVarName(n.sequence).name);
            case 'CreateSchemaStmt':
                add(n.schemaname);
                for (const elt of n.schemaElts ?? [])
                    visit(elt);
                return;
            case 'CreateEnumStmt':
            case 'CreateRangeStmt':
                return lastOf(n.typeName);
            case 'CreateDomainStmt':
                lastOf(n.domainname);
                return elements(n.constraints);
            case 'CompositeTypeStmt':
                add(rangeVarName(n.typevar).name);
                return elements(n.coldeflist);
            case 'AlterTableStmt':
                for (const c of n.cmds ?? []) {
                    const cmd = (c.AlterTableCmd ?? {});
                    if (cmd.subtype === 'AT_AddColumn' || cmd.subtype === 'AT_AddConstraint')
                        elements([cmd.def]);
                }
                return;
            case 'RenameStmt':
                return add(n.newname);
            case 'CreateFunctionStmt':
                return lastOf(n.funcname);
            case 'CreateTrigStmt':
            case 'CreateEventTrigStmt':
                return add(n.trigname);
            case 'CreatePolicyStmt':
                return add(n.policy_name);
            case 'RuleStmt':
                return add(n.rulename);
            case 'CreateStatsStmt':
                return lastOf(n.defnames);
            default:
                return;
        }
    };
    visit(node);
    return names;
}
/** The identifier a token names: quoted ones as written, unquoted ones with ASCII folded to lower case. */
function identifierValue(text) {
    if (text.startsWith('"'))
        return text.slice(1, -1).replace(/""/g, '"');
    if (/^u&"/i.test(text))
        return undefined;
    return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
/** PostgreSQL's truncation: whole characters, at most 63 bytes. */
function truncate(name) {
    let out = '';
    let bytes = 0;
    for (const ch of name) {
        const size = Buffer.byteLength(ch, 'utf8');
        if (bytes + size > MAX_BYTES)
            break;
        out += ch;
        bytes += size;
    }
    return out;
}
/**
 * The libpg-query location (relative to the statement's parse) of a byte offset within
 * `statement.text`: found by searching `locate`, which is monotonic, for the token's line and column.
 */
function locationOf(statement, byteInText) {
    const before = Buffer.from(statement.text, 'utf8').subarray(0, byteInText).toString('utf8');
    const lines = before.split('\n');
    const line = statement.line + lines.length - 1;
    const last = lines[lines.length - 1] ?? '';
    const column = lines.length === 1 ? statement.column + last.length : last.length + 1;
    const compare = (l) => {
        const at = statement.locate(l);
        return at.line - line || at.column - column;
    };
    let lo = 0;
    let hi = statement.byteStart + byteInText + 1;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compare(mid) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return compare(lo) === 0 ? lo : undefined;
}
const LONG_WORD = /"[^"]{16,}"|[A-Za-z0-9_$\u0080-\uffff]{16,}/g;
function hasLongWord(text) {
    for (const m of text.matchAll(LONG_WORD))
        if (Buffer.byteLength(m[0], 'utf8') > MAX_BYTES)
            return true;
    return false;
}

/** Per file (its statement list), per transaction id: what the rule has seen, statement by statement. */
const seen = new WeakMap();
const multipleAccessExclusiveLocks = {
    meta: {
        id: 'multiple-access-exclusive-locks',
        type: 'blocking',
        description: 'One transaction taking ACCESS EXCLUSIVE locks on two or more existing tables.',
        severity: 'warning',
        breaking: false,
        messages: {
            second: 'Taking an ACCESS EXCLUSIVE lock on `{{table}}` while this transaction already holds one on `{{held}}` (line {{line}}) blocks reads and writes on both tables until commit, and a session locking them in the other order deadlocks with it.',
        },
        help: 'Split the migration so that each transaction takes ACCESS EXCLUSIVE on one table only, or set a short lock_timeout and keep the transaction brief.',
    },
    check(statement, ctx) {
        if (!statement.inTransaction)
            return;
        const mine = accessExclusiveOnExisting(statement, ctx.catalog, ctx.postgresVersion);
        if (!mine.length)
            return;
        let perFile = seen.get(ctx.fileStatements);
        if (!perFile)
            seen.set(ctx.fileStatements, (perFile = new Map()));
        let tx = perFile.get(statement.transactionId);
        if (!tx)
            perFile.set(statement.transactionId, (tx = { held: new Map(), reported: false }));
        const other = tx.held.size ? mine.find((l) => !tx.held.has(l.table.key)) : undefined;
        for (const l of mine)
            if (!tx.held.has(l.table.key))
                tx.held.set(l.table.key, statement.line);
        if (!other || tx.reported)
            return;
        tx.reported = true;
        const [heldTable, line] = [...tx.held.entries()][0];
        ctx.report({
            messageId: 'second',
            data: { table: other.table.key, held: heldTable, line },
            location: other.location,
            object: other.table.key,
            lock: 'ACCESS EXCLUSIVE',
        });
    },
};

/** Integer types a generated key outgrows, with the largest value they hold. */
const NARROW = {
    int2: { max: '32,767', display: 'smallint' },
    serial2: { max: '32,767', display: 'smallserial' },
    int4: { max: '2,147,483,647', display: 'integer' },
    serial4: { max: '2,147,483,647', display: 'serial' },
};
const preferBigintPrimaryKey = {
    meta: {
        id: 'prefer-bigint-primary-key',
        type: 'advisory',
        description: 'A new generated primary key of type integer or smallint, which runs out of values.',
        severity: 'warning',
        breaking: false,
        messages: {
            narrow: 'Primary key `{{object}}` is `{{type}}` with generated values, which run out at {{max}}, and widening it later rewrites the table and every column that references it; declare it `{{suggestion}}`.',
        },
        help: 'Declare generated primary keys `bigint` (`bigint GENERATED BY DEFAULT AS IDENTITY`) from the start.',
    },
    check(statement, ctx) {
        for (const col of createdColumns(statement)) {
            if (col.type.arrayDims > 0 || !NARROW[col.type.name])
                continue;
            if (col.source === 'alter-type') {
                const current = ctx.catalog.column(col.table, col.column);
                if (!current || !isSinglePrimaryKey(ctx.catalog, col.table, col.column))
                    continue;
                const generator = generatorOf(current);
                if (generator)
                    report(ctx, col.object, col.type.name, generator, col.typeLocation);
                continue;
            }
            // A generated key added to an existing table is adding-serial-column's finding (its advice is bigint).
            if (col.source === 'add-column' && !ctx.catalog.isNewRelation(col.table))
                continue;
            if (col.primaryKey && col.generator)
                report(ctx, col.object, col.type.name, col.generator, col.typeLocation);
        }
        addedPrimaryKeys(statement.node, ctx);
    },
};
/** `ALTER TABLE t ADD PRIMARY KEY (id)` on a column created earlier in the release (pg_dump style). */
function addedPrimaryKeys(node, ctx) {
    const [kind, n] = unwrap(node);
    if (kind !== 'AlterTableStmt' || n.objtype !== 'OBJECT_TABLE')
        return;
    const table = rangeVarName(n.relation);
    for (const c of n.cmds ?? []) {
        const cmd = (c.AlterTableCmd ?? {});
        const con = (cmd.def?.Constraint ?? {});
        if (cmd.subtype !== 'AT_AddConstraint' || con.contype !== 'CONSTR_PRIMARY')
            continue;
        const keys = strings(con.keys);
        if (keys.length !== 1 || !ctx.catalog.isNewColumn(table, keys[0]))
            continue;
        const column = ctx.catalog.column(table, keys[0]);
        const generator = column ? generatorOf(column) : null;
        if (!column || !generator || !NARROW[column.type.name] || column.type.arrayDims > 0)
            continue;
        report(ctx, `${table.key}.${column.name}`, column.type.name, generator, con.location);
    }
}
function report(ctx, object, typeName, generator, location) {
    const narrow = NARROW[typeName];
    if (!narrow)
        return;
    const suggestion = generator === 'sequence' ? 'bigint' : 'bigint GENERATED BY DEFAULT AS IDENTITY';
    ctx.report({
        messageId: 'narrow',
        data: { object, type: narrow.display, max: narrow.max, suggestion },
        location,
        object,
    });
}
function generatorOf(column) {
    if (/^serial[248]$/.test(column.type.name))
        return 'serial';
    if (column.identity)
        return 'identity';
    return column.default && /\bnextval\s*\(/i.test(column.default) ? 'sequence' : null;
}
function isSinglePrimaryKey(catalog, table, column) {
    const rel = catalog.relation(table);
    if (!rel)
        return false;
    return [...rel.constraints.values()].some((c) => c.kind === 'primary key' && c.columns.length === 1 && c.columns[0] === column);
}

const IDENTITY_TYPE = { serial2: 'smallint', serial4: 'integer', serial8: 'bigint' };
const preferIdentity = {
    meta: {
        id: 'prefer-identity',
        type: 'advisory',
        description: 'A new serial / bigserial / smallserial column instead of an identity column.',
        severity: 'notice',
        breaking: false,
        messages: {
            serial: 'Column `{{object}}` is declared `{{type}}`, whose sequence is a separate object with its own grants that `CREATE TABLE ... LIKE`, type changes and dropping the default do not carry along; declare it `{{suggestion}}`.',
        },
        help: 'Declare the column `bigint GENERATED BY DEFAULT AS IDENTITY` (or `GENERATED ALWAYS` to refuse explicit ids).',
    },
    check(statement, ctx) {
        for (const col of createdColumns(statement)) {
            const base = IDENTITY_TYPE[col.type.name];
            if (!base || col.type.arrayDims > 0)
                continue;
            // prefer-bigint-primary-key already advises `bigint GENERATED ... AS IDENTITY` for a narrow serial key.
            if (col.primaryKey && base !== 'bigint')
                continue;
            // Adding any generated column to an existing table rewrites it: adding-serial-column reports that.
            if (col.source === 'add-column' && !ctx.catalog.isNewRelation(col.table))
                continue;
            ctx.report({
                messageId: 'serial',
                data: {
                    object: col.object,
                    type: col.type.display,
                    suggestion: `${base} GENERATED BY DEFAULT AS IDENTITY`,
                },
                location: col.typeLocation,
                object: col.object,
            });
        }
    },
};

const preferJsonb = {
    meta: {
        id: 'prefer-jsonb',
        type: 'advisory',
        description: 'A new column of type json, which has no equality operator and no index support.',
        severity: 'warning',
        breaking: false,
        messages: {
            json: 'Column `{{object}}` is declared `{{type}}`, which keeps the raw text and has no equality operator or GIN index support, so `DISTINCT`, `GROUP BY` and containment queries on it fail or scan; declare it `{{suggestion}}`.',
        },
        help: 'Declare the column `jsonb`; keep `json` only when the exact input text (key order, duplicate keys, white space) must be preserved.',
    },
    check(statement, ctx) {
        for (const col of createdColumns(statement)) {
            if (col.type.name !== 'json')
                continue;
            ctx.report({
                messageId: 'json',
                data: {
                    object: col.object,
                    type: col.type.display,
                    suggestion: col.type.display.replace(/^json/, 'jsonb'),
                },
                location: col.typeLocation,
                object: col.object,
            });
        }
    },
};

/** Statements that change nothing a re-run could trip over. */
const HARMLESS = new Set(['VariableSetStmt', 'VariableShowStmt', 'TransactionStmt']);
const DROP_WORDS = {
    OBJECT_MATVIEW: 'MATERIALIZED VIEW',
    OBJECT_FOREIGN_TABLE: 'FOREIGN TABLE',
    OBJECT_FDW: 'FOREIGN DATA WRAPPER',
    OBJECT_FOREIGN_SERVER: 'SERVER',
    OBJECT_TSCONFIGURATION: 'TEXT SEARCH CONFIGURATION',
    OBJECT_TSDICTIONARY: 'TEXT SEARCH DICTIONARY',
};
const QUALIFIED_DROPS = new Set([
    'OBJECT_TABLE',
    'OBJECT_INDEX',
    'OBJECT_SEQUENCE',
    'OBJECT_VIEW',
    'OBJECT_MATVIEW',
    'OBJECT_FOREIGN_TABLE',
]);
const preferRobustStmts = {
    meta: {
        id: 'prefer-robust-stmts',
        type: 'advisory',
        description: 'A statement that commits on its own and cannot be run twice, so a half-applied migration cannot be re-run.',
        severity: 'notice',
        breaking: false,
        messages: {
            create: '`{{keyword}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because `{{object}}` already exists; write `{{keyword}} IF NOT EXISTS`.',
            drop: '`{{keyword}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because `{{object}}` is already gone; write `{{keyword}} IF EXISTS`.',
            addColumn: '`ADD COLUMN {{column}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because `{{object}}` already exists; write `ADD COLUMN IF NOT EXISTS {{column}}`.',
            dropColumn: '`DROP COLUMN {{column}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because `{{object}}` is already gone; write `DROP COLUMN IF EXISTS {{column}}`.',
            dropConstraint: '`DROP CONSTRAINT {{constraint}}` commits on its own, so if a later statement of this file fails, re-running the migration stops here because the constraint is already gone; write `DROP CONSTRAINT IF EXISTS {{constraint}}`.',
            unnamedIndex: '`{{keyword}}` without a name commits on its own, so re-running the migration after a failure builds a second index on `{{table}}` beside the first; name the index and write `{{keyword}} IF NOT EXISTS <name>`.',
            concurrentIndex: 'A failed `CREATE INDEX CONCURRENTLY` leaves the invalid index `{{object}}` behind, so re-running the migration fails on it; put `DROP INDEX CONCURRENTLY IF EXISTS {{name}};` before this statement.',
            concurrentIndexIfNotExists: 'A failed `CREATE INDEX CONCURRENTLY` leaves the invalid index `{{object}}` behind, and on a re-run `IF NOT EXISTS` silently keeps that unusable index; put `DROP INDEX CONCURRENTLY IF EXISTS {{name}};` before this statement.',
        },
        help: 'Make each statement that commits on its own safe to run twice: `IF NOT EXISTS` on CREATE and ADD COLUMN, `IF EXISTS` on DROP, and `DROP INDEX CONCURRENTLY IF EXISTS` before `CREATE INDEX CONCURRENTLY`.',
    },
    check(statement, ctx) {
        if (ctx.file.transactional || statement.plpgsql)
            return;
        const [kind, n] = unwrap(statement.node);
        // A failed concurrent build leaves an invalid index even when nothing else follows.
        if (kind === 'IndexStmt' && n.concurrent)
            return concurrentIndex(n, statement, ctx);
        // How a plain .sql file runs (psql, a deploy script, a wrapper that opens a transaction) is unknown:
        // only the concurrent index above, which no transaction can cover, is certain enough to report.
        if (ctx.file.framework === 'sql')
            return;
        if (!committedBeforeLaterWork(statement, ctx.fileStatements))
            return;
        switch (kind) {
            case 'CreateStmt': {
                const relation = (n.relation ?? {});
                if (n.if_not_exists || relation.relpersistence === 't')
                    return;
                return create(ctx, 'CREATE TABLE', rangeVarName(relation).key);
            }
            case 'CreateTableAsStmt': {
                const into = (n.into ?? {});
                if (n.if_not_exists || (into.rel ?? {}).relpersistence === 't')
                    return;
                const keyword = n.objtype === 'OBJECT_MATVIEW' ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE';
                return create(ctx, keyword, rangeVarName(into.rel).key);
            }
            case 'IndexStmt':
                return plainIndex(n, ctx);
            case 'CreateSeqStmt':
                if (!n.if_not_exists)
                    create(ctx, 'CREATE SEQUENCE', rangeVarName(n.sequence).key);
                return;
            case 'CreateSchemaStmt':
                // IF NOT EXISTS cannot be combined with schema elements.
                if (!n.if_not_exists && !n.schemaElts?.length) {
                    create(ctx, 'CREATE SCHEMA', n.schemaname ?? '');
                }
                return;
            case 'CreateExtensionStmt':
                if (!n.if_not_exists)
                    create(ctx, 'CREATE EXTENSION', n.extname ?? '');
                return;
            case 'DropStmt':
                if (!n.missing_ok)
                    drop(n, ctx);
                return;
            case 'AlterTableStmt':
                return alterTable(n, ctx);
            default:
                return;
        }
    },
};
/** True when another statement of the file commits after this one (so this one stays applied if it fails). */
function committedBeforeLaterWork(statement, fileStatements) {
    // Forward from the statement: the first later statement that commits apart usually answers at once.
    for (let i = statement.index + 1; i < fileStatements.length; i++) {
        const s = fileStatements[i];
        if (!s.plpgsql &&
            !HARMLESS.has(s.kind) &&
            !(s.inTransaction && s.transactionId === statement.transactionId)) {
            return true;
        }
    }
    return false;
}
const dropped = new WeakMap();
/** Index names dropped with `DROP INDEX ... IF EXISTS` in a file, each with its first statement index. */
function droppedIndexes(fileStatements) {
    let map = dropped.get(fileStatements);
    if (map)
        return map;
    map = new Map();
    for (const s of fileStatements) {
        if (s.kind !== 'DropStmt')
            continue;
        const d = s.node.DropStmt;
        if (d.removeType !== 'OBJECT_INDEX' || !d.missing_ok)
            continue;
        for (const o of d.objects ?? []) {
            const key = listName(o.List?.items).key;
            if (!map.has(key))
                map.set(key, s.index);
        }
    }
    dropped.set(fileStatements, map);
    return map;
}
function create(ctx, keyword, object) {
    ctx.report({ messageId: 'create', data: { keyword, object }, object });
}
function indexKeyword(n) {
    return `CREATE ${n.unique ? 'UNIQUE ' : ''}INDEX${n.concurrent ? ' CONCURRENTLY' : ''}`;
}
function plainIndex(n, ctx) {
    const table = rangeVarName(n.relation);
    if (!n.idxname) {
        ctx.report({
            messageId: 'unnamedIndex',
            data: { keyword: indexKeyword(n), table: table.key },
            object: table.key,
        });
    }
    else if (!n.if_not_exists) {
        create(ctx, indexKeyword(n), qualify(n.idxname, table.schema).key);
    }
}
function concurrentIndex(n, statement, ctx) {
    const table = rangeVarName(n.relation);
    if (!n.idxname) {
        ctx.report({
            messageId: 'unnamedIndex',
            data: { keyword: indexKeyword(n), table: table.key },
            object: table.key,
        });
        return;
    }
    const name = qualify(n.idxname, table.schema);
    const droppedAt = droppedIndexes(ctx.fileStatements).get(name.key);
    const droppedFirst = droppedAt !== undefined && droppedAt < statement.index;
    if (droppedFirst)
        return;
    const qualified = Boolean((n.relation ?? {}).schemaname);
    const written = qualified ? `${quoteIdent(name.schema)}.${quoteIdent(name.name)}` : quoteIdent(name.name);
    ctx.report({
        messageId: n.if_not_exists ? 'concurrentIndexIfNotExists' : 'concurrentIndex',
        data: { object: name.key, name: written },
        object: name.key,
    });
}
function drop(n, ctx) {
    const type = n.removeType ?? '';
    const word = DROP_WORDS[type] ?? type.replace(/^OBJECT_/, '').replace(/_/g, ' ');
    const keyword = `DROP ${word}${n.concurrent ? ' CONCURRENTLY' : ''}`;
    const first = (n.objects ?? [])[0];
    const object = dropObjectName(type, first);
    ctx.report({ messageId: 'drop', data: { keyword, object }, object });
}
function dropObjectName(type, node) {
    const [kind, body] = unwrap(node);
    if (kind === 'List') {
        return QUALIFIED_DROPS.has(type) ? listName(body.items).key : strings(body.items).join('.');
    }
    if (kind === 'String')
        return body.sval ?? '';
    if (kind === 'TypeName')
        return listName(body.names).key;
    if (kind === 'ObjectWithArgs')
        return strings(body.objname).join('.');
    return '';
}
function alterTable(n, ctx) {
    if (n.objtype !== 'OBJECT_TABLE')
        return;
    const table = rangeVarName(n.relation);
    for (const c of n.cmds ?? []) {
        const cmd = (c.AlterTableCmd ?? {});
        if (cmd.missing_ok)
            continue;
        if (cmd.subtype === 'AT_AddColumn') {
            const def = (cmd.def?.ColumnDef ?? {});
            const column = def.colname ?? '';
            ctx.report({
                messageId: 'addColumn',
                data: { column: quoteIdent(column), object: `${table.key}.${column}` },
                location: def.location,
                object: `${table.key}.${column}`,
            });
        }
        else if (cmd.subtype === 'AT_DropColumn' && typeof cmd.name === 'string') {
            ctx.report({
                messageId: 'dropColumn',
                data: { column: quoteIdent(cmd.name), object: `${table.key}.${cmd.name}` },
                object: `${table.key}.${cmd.name}`,
            });
        }
        else if (cmd.subtype === 'AT_DropConstraint' && typeof cmd.name === 'string') {
            ctx.report({
                messageId: 'dropConstraint',
                data: { constraint: quoteIdent(cmd.name) },
                object: `${table.key}.${cmd.name}`,
            });
        }
    }
}

const preferTimestamptz = {
    meta: {
        id: 'prefer-timestamptz',
        type: 'advisory',
        description: 'A new column of type timestamp without time zone.',
        severity: 'warning',
        breaking: false,
        messages: {
            timestamp: 'Column `{{object}}` is declared `{{type}}` (without time zone), so the same instant reads differently under different session time zones and `now()` is stored in whatever zone the writing session uses; declare it `{{suggestion}}`.',
        },
        help: 'Declare the column `timestamptz`; keep `timestamp` only for wall-clock times that belong to no time zone.',
    },
    check(statement, ctx) {
        for (const col of createdColumns(statement)) {
            if (col.type.name !== 'timestamp')
                continue;
            ctx.report({
                messageId: 'timestamp',
                data: {
                    object: col.object,
                    type: col.type.display,
                    suggestion: col.type.display.replace(/^timestamp/, 'timestamptz'),
                },
                location: col.typeLocation,
                object: col.object,
            });
        }
    },
};

const KINDS$1 = {
    OBJECT_TABLE: 'table',
    OBJECT_FOREIGN_TABLE: 'foreign table',
    OBJECT_VIEW: 'view',
    OBJECT_MATVIEW: 'materialized view',
};
const renamingColumn = {
    meta: {
        id: 'renaming-column',
        type: 'breaking',
        description: 'Renaming a column that the running application still reads or writes by its old name.',
        severity: 'error',
        breaking: true,
        messages: {
            rename: 'Renaming column `{{object}}` to `{{newName}}` breaks the running release, whose queries still name `{{column}}` and fail with "column does not exist"; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on {{kind}} `{{table}}`.',
        },
        help: 'Add a column with the new name, write both (or sync them with a trigger), backfill, switch reads to the new column, and drop the old one in a later (contract) migration.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'RenameStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (n.renameType !== 'OBJECT_COLUMN')
            return;
        const kind = KINDS$1[String(n.relationType)];
        const column = typeof n.subname === 'string' ? n.subname : undefined;
        const newName = typeof n.newname === 'string' ? n.newname : undefined;
        if (!kind || !column || !newName || column === newName)
            return;
        const table = rangeVarName(n.relation);
        if (ctx.catalog.isNewColumn(table, column))
            return;
        // ALTER TABLE IF EXISTS of a table the model knows to lack the column renames nothing.
        if (n.missing_ok && ctx.catalog.relation(table) && !ctx.catalog.column(table, column))
            return;
        ctx.report({
            messageId: 'rename',
            data: { object: `${table.key}.${column}`, newName, column, table: table.key, kind },
            object: `${table.key}.${column}`,
            lock: 'ACCESS EXCLUSIVE',
        });
    },
};

const renamingEnumValue = {
    meta: {
        id: 'renaming-enum-value',
        type: 'breaking',
        description: 'Renaming an enum value that the running application still writes or expects.',
        severity: 'error',
        breaking: true,
        messages: {
            rename: "Renaming value '{{oldValue}}' of enum `{{object}}` to '{{newValue}}' breaks the running release, whose writes of '{{oldValue}}' now fail with \"invalid input value for enum\" and whose reads meet a value it does not know.",
        },
        help: 'Add the new value with ALTER TYPE ... ADD VALUE, make the application accept both and write the new one, update rows in batches, and stop using the old value in a later (contract) release.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'AlterEnumStmt')
            return;
        const [, n] = unwrap(statement.node);
        const oldValue = typeof n.oldVal === 'string' ? n.oldVal : undefined;
        const newValue = typeof n.newVal === 'string' ? n.newVal : undefined;
        if (oldValue === undefined || newValue === undefined || oldValue === newValue)
            return;
        const type = listName(n.typeName);
        if (ctx.catalog.isNewType(type))
            return;
        ctx.report({
            messageId: 'rename',
            data: { object: type.key, oldValue, newValue },
            object: type.key,
            lock: null,
        });
    },
};

const renamingSchema = {
    meta: {
        id: 'renaming-schema',
        type: 'breaking',
        description: 'Renaming a schema that the running application still names in queries or search_path.',
        severity: 'error',
        breaking: true,
        messages: {
            rename: 'Renaming schema `{{object}}` to `{{newName}}` breaks the running release, whose schema-qualified queries and search_path still name `{{object}}` and stop finding its tables.',
        },
        help: 'Make the application use unqualified names with a search_path that lists both the new and the old schema, deploy that, and rename the schema in a later (contract) migration.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'RenameStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (n.renameType !== 'OBJECT_SCHEMA')
            return;
        const old = typeof n.subname === 'string' ? n.subname : undefined;
        const newName = typeof n.newname === 'string' ? n.newname : undefined;
        if (!old || !newName || old === newName || ctx.catalog.isNewSchema(old))
            return;
        ctx.report({ messageId: 'rename', data: { object: old, newName }, object: old, lock: null });
    },
};

const KINDS = {
    OBJECT_TABLE: 'table',
    OBJECT_FOREIGN_TABLE: 'foreign table',
    OBJECT_VIEW: 'view',
    OBJECT_MATVIEW: 'materialized view',
};
const renamingTable = {
    meta: {
        id: 'renaming-table',
        type: 'breaking',
        description: 'Renaming a table or view, or moving it to another schema, while the running application uses its old name.',
        severity: 'error',
        breaking: true,
        messages: {
            rename: 'Renaming {{kind}} `{{object}}` to `{{newName}}` breaks the running release, whose queries still use the old name and fail with "relation does not exist"; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{object}}`.',
            move: 'Moving {{kind}} `{{object}}` to schema `{{schema}}` breaks the running release, whose queries still find it as `{{object}}` and fail with "relation does not exist"; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{object}}`.',
        },
        help: 'In the same transaction as the rename, create a view under the old name (`CREATE VIEW old AS SELECT * FROM new`, which stays writable); switch the application to the new name, then drop the view in a later (contract) migration.',
    },
    check(statement, ctx) {
        const [kind, n] = unwrap(statement.node);
        if (kind === 'RenameStmt') {
            const what = KINDS[String(n.renameType)];
            const newName = typeof n.newname === 'string' ? n.newname : undefined;
            if (!what || !newName)
                return;
            const old = rangeVarName(n.relation);
            if (old.name === newName || !affectsRunningCode(ctx, old))
                return;
            ctx.report({
                messageId: 'rename',
                data: { kind: what, object: old.key, newName },
                object: old.key,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
        else if (kind === 'AlterObjectSchemaStmt') {
            const what = KINDS[String(n.objectType)];
            const schema = typeof n.newschema === 'string' ? n.newschema : undefined;
            if (!what || !schema)
                return;
            const old = rangeVarName(n.relation);
            if (old.schema === schema || !affectsRunningCode(ctx, old))
                return;
            ctx.report({
                messageId: 'move',
                data: { kind: what, object: old.key, schema },
                object: old.key,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};
/**
 * False for a relation created in this release, and when a later statement of the release puts a
 * relation back under the old name (the compatibility view of the expand step, or a replacement table).
 */
function affectsRunningCode(ctx, old) {
    if (ctx.catalog.isNewRelation(old))
        return false;
    return !producerIn(ctx.later(), { category: 'relation', key: old.key });
}

const requireConcurrentDetachPartition = {
    meta: {
        id: 'require-concurrent-detach-partition',
        type: 'blocking',
        description: 'DETACH PARTITION without CONCURRENTLY on an existing partitioned table (and DETACH CONCURRENTLY inside a transaction).',
        severity: 'warning',
        breaking: false,
        messages: {
            detach: 'Detaching partition `{{partition}}` without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` and `{{partition}}` while it waits for running queries and until it commits.',
            legacy: 'Detaching partition `{{partition}}` takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` and `{{partition}}` until it commits; PostgreSQL {{version}} has no DETACH PARTITION CONCURRENTLY (it arrived in 14), so run it with a short lock_timeout and retry.',
            inTransaction: 'DETACH PARTITION CONCURRENTLY cannot run inside a transaction block, so PostgreSQL stops this migration with "ERROR: ALTER TABLE ... DETACH CONCURRENTLY cannot run inside a transaction block".',
        },
        help: 'Use ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14 and later) in a migration that runs outside a transaction; it cannot be used while the table has a default partition.',
    },
    check(statement, ctx) {
        const alter = readAlterTable(statement, ['OBJECT_TABLE']);
        if (!alter)
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype !== 'AT_DetachPartition')
                continue;
            const part = unwrap(cmd.def)[1];
            const partition = rangeVarName(part.name);
            const location = locationOf$1(part.name);
            if (part.concurrent) {
                if (statement.inTransaction || statement.plpgsql) {
                    ctx.report({
                        messageId: 'inTransaction',
                        location,
                        object: partition.key,
                        lock: null,
                        severity: 'error',
                    });
                }
                continue;
            }
            if (!isExistingTable(ctx.catalog, alter.table))
                continue;
            ctx.report({
                messageId: ctx.postgresVersion < 14 ? 'legacy' : 'detach',
                data: { partition: partition.key, table: alter.table.key, version: ctx.postgresVersion },
                location,
                object: partition.key,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

const requireConcurrentIndexCreation = {
    meta: {
        id: 'require-concurrent-index-creation',
        type: 'blocking',
        description: 'Building an index on an existing table without CONCURRENTLY.',
        severity: 'error',
        breaking: false,
        messages: {
            create: 'Creating {{index}} without CONCURRENTLY takes a SHARE lock, blocking writes on `{{table}}` while the index builds.',
            partitioned: 'Creating {{index}} on partitioned table `{{table}}` takes a SHARE lock on it and on every partition, blocking writes while each partition’s index builds (partitioned tables have no CREATE INDEX CONCURRENTLY).',
        },
        help: 'Use CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction; for a partitioned table, create the index ON ONLY the parent, build each partition’s index CONCURRENTLY and ALTER INDEX ... ATTACH PARTITION it.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'IndexStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (n.concurrent)
            return;
        const relation = (n.relation ?? {});
        if (relation.relpersistence === 't')
            return;
        const table = rangeVarName(n.relation);
        if (!table.name || !isExistingTable(ctx.catalog, table))
            return;
        const model = ctx.catalog.relation(table);
        // ON ONLY a partitioned table builds nothing: the index stays invalid until partitions attach theirs.
        if (relation.inh !== true && model?.kind !== 'table')
            return;
        const name = typeof n.idxname === 'string' ? qualify(n.idxname, table.schema) : undefined;
        if (name && n.if_not_exists && ctx.catalog.index(name))
            return;
        ctx.report({
            messageId: model?.kind === 'partitioned table' ? 'partitioned' : 'create',
            data: { index: name ? `index \`${name.key}\`` : 'an index', table: table.key },
            object: table.key,
            lock: 'SHARE',
        });
    },
};

const requireConcurrentIndexDeletion = {
    meta: {
        id: 'require-concurrent-index-deletion',
        type: 'blocking',
        description: 'Dropping an existing index without CONCURRENTLY.',
        severity: 'error',
        breaking: false,
        messages: {
            drop: 'Dropping index `{{index}}` without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` while it waits for running queries on the table to finish.',
            dropUnknownTable: 'Dropping index `{{index}}` without CONCURRENTLY takes an ACCESS EXCLUSIVE lock, blocking reads and writes on its table while it waits for running queries on the table to finish.',
        },
        help: 'Use DROP INDEX CONCURRENTLY, one index per statement, in a migration that runs outside a transaction.',
    },
    check(statement, ctx) {
        if (statement.kind !== 'DropStmt')
            return;
        const [, n] = unwrap(statement.node);
        if (n.removeType !== 'OBJECT_INDEX' || n.concurrent)
            return;
        for (const o of Array.isArray(n.objects) ? n.objects : []) {
            const index = listName(unwrap(o)[1].items);
            if (!index.name || ctx.catalog.isNewIndex(index))
                continue;
            const table = ctx.catalog.index(index)?.table;
            ctx.report({
                messageId: table ? 'drop' : 'dropUnknownTable',
                data: { index: index.key, table: table ?? '' },
                object: index.key,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};

/** Per file (its statement list): transactions that already asked for ACCESS EXCLUSIVE; -1 for the file's standalone statements. */
const asked = new WeakMap();
const STANDALONE = -1;
const requireLockTimeout = {
    meta: {
        id: 'require-lock-timeout',
        type: 'blocking',
        description: 'An ACCESS EXCLUSIVE lock on an existing table requested without a lock_timeout.',
        severity: 'warning',
        breaking: false,
        messages: {
            missing: "Taking an ACCESS EXCLUSIVE lock on `{{table}}` without a lock_timeout lets this statement wait behind any long-running query on the table while every later query on `{{table}}` queues behind it; run `SET lock_timeout = '2s';` (and a statement_timeout) first{{where}}.",
        },
        help: "Start the migration with SET lock_timeout = '2s'; and SET statement_timeout = '5min'; (SET LOCAL inside a transaction), and retry the migration when it times out.",
    },
    check(statement, ctx) {
        const locks = accessExclusiveOnExisting(statement, ctx.catalog, ctx.postgresVersion);
        if (!locks.length)
            return;
        let perFile = asked.get(ctx.fileStatements);
        if (!perFile)
            asked.set(ctx.fileStatements, (perFile = new Set()));
        // Once per transaction: its first ACCESS EXCLUSIVE request decides (with or without a timeout).
        // Outside a transaction, once per file, since one SET at the top covers every statement.
        const key = statement.inTransaction ? statement.transactionId : STANDALONE;
        if (perFile.has(key))
            return;
        if (statement.inTransaction)
            perFile.add(key);
        if (ctx.tx.lockTimeoutSet)
            return;
        perFile.add(key);
        const first = locks[0];
        ctx.report({
            messageId: 'missing',
            data: {
                table: first.table.key,
                where: statement.inTransaction ? ' in this transaction' : ' at the top of the file',
            },
            location: first.location,
            object: first.table.key,
            lock: 'ACCESS EXCLUSIVE',
        });
    },
};

const settingNotNull = {
    meta: {
        id: 'setting-not-null',
        type: 'breaking',
        description: 'SET NOT NULL on a column that the running application may leave NULL.',
        severity: 'error',
        breaking: true,
        messages: {
            existing: 'Setting `{{object}}` NOT NULL breaks the running release wherever it still writes NULL to it, and scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}`.',
            newColumn: 'Setting `{{object}}` NOT NULL without a default breaks the running release, whose inserts into `{{table}}` do not know the new column and now fail; it takes an ACCESS EXCLUSIVE lock, blocking reads and writes on `{{table}}` while it scans the table.',
        },
        help: 'Keep the column nullable (or give it a default) until every deployed version writes it; then add `CHECK (col IS NOT NULL) NOT VALID`, VALIDATE it, and SET NOT NULL in a later (contract) migration.',
    },
    check(statement, ctx) {
        const alter = readAlterTable(statement);
        if (!alter || ctx.catalog.isNewRelation(alter.table))
            return;
        for (const [i, cmd] of alter.cmds.entries()) {
            if (cmd.subtype !== 'AT_SetNotNull' || !cmd.name)
                continue;
            const object = `${alter.table.key}.${cmd.name}`;
            const data = { object, table: alter.table.key };
            const added = alter.cmds
                .slice(0, i)
                .find((c) => c.subtype === 'AT_AddColumn' && addedName(c) === cmd.name);
            if (!added && !ctx.catalog.isNewColumn(alter.table, cmd.name)) {
                if (!nullsAlreadyRejected(ctx, alter, cmd.name)) {
                    ctx.report({
                        location: cmdLocation(statement, cmd),
                        messageId: 'existing',
                        data,
                        object,
                        lock: 'ACCESS EXCLUSIVE',
                    });
                }
                continue;
            }
            // A column added in this release: old code omits it on insert, which only works with a default.
            const addedDef = added ? columnDef(added) : undefined;
            if (addedDef && definesValue(addedDef))
                continue;
            const col = added ? undefined : ctx.catalog.column(alter.table, cmd.name);
            if (col && (col.default !== null || col.identity || col.generated))
                continue;
            if (alter.cmds.some((c, j) => j !== i && givesDefault(c, cmd.name)))
                continue;
            if (defaultSetIn(ctx.later(), alter.table, cmd.name))
                continue;
            ctx.report({
                location: cmdLocation(statement, cmd),
                messageId: 'newColumn',
                data,
                object,
                lock: 'ACCESS EXCLUSIVE',
            });
        }
    },
};
function addedName(cmd) {
    const name = columnDef(cmd)?.colname;
    return typeof name === 'string' ? name : undefined;
}
/**
 * True when a `CHECK (col IS NOT NULL)` from an earlier release already rejects NULL writes, known to the
 * model under a conventional name (`users_email_null`, as strong_migrations writes it): SET NOT NULL is
 * then the contract step and changes nothing for the running release. A check added in this release
 * does not count: it is new to the running release too.
 */
function nullsAlreadyRejected(ctx, alter, column) {
    const conventional = new RegExp(`^(?:(?:chk|ck)_)?(?:${escape(alter.table.name)}_)?${escape(column)}_(?:not_?)?null(?:_check)?$`, 'i');
    const constraints = ctx.catalog.relation(alter.table)?.constraints.values() ?? [];
    return [...constraints].some((c) => c.kind === 'check' && c.origin !== ctx.catalog.release && conventional.test(c.name));
}
function escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ENDS = {
    TRANS_STMT_COMMIT: 'commit',
    TRANS_STMT_ROLLBACK: 'rollback',
    TRANS_STMT_PREPARE: 'commit',
};
const transactionNesting = {
    meta: {
        id: 'transaction-nesting',
        type: 'advisory',
        description: 'COMMIT or ROLLBACK written in a migration that the framework already runs in a transaction.',
        severity: 'warning',
        breaking: false,
        messages: {
            commit: '`{{keyword}}` ends the transaction that {{framework}} runs this migration in, so everything after it, including the record that the migration ran, runs outside that transaction and a failure leaves the migration half applied.',
            rollback: '`ROLLBACK` ends the transaction that {{framework}} runs this migration in, discarding the statements before it while the framework goes on as if they had run.',
        },
        help: "Remove `BEGIN`/`COMMIT` from the file (the framework already provides the transaction), or turn the framework's transaction off for this file when statements must commit separately.",
    },
    check(statement, ctx) {
        if (!ctx.file.transactional || statement.plpgsql || statement.kind !== 'TransactionStmt')
            return;
        const kind = statement.node.TransactionStmt.kind ?? '';
        const messageId = ENDS[kind];
        if (!messageId)
            return;
        const keyword = kind === 'TRANS_STMT_PREPARE'
            ? 'PREPARE TRANSACTION'
            : (/^\s*(\w+)/.exec(statement.text)?.[1] ?? 'COMMIT').toUpperCase();
        const framework = ctx.file.framework === 'sql' ? 'the migration tool' : ctx.file.framework;
        ctx.report({ messageId, data: { keyword, framework } });
    },
};

const validateConstraintInSameTransaction = {
    meta: {
        id: 'validate-constraint-in-same-transaction',
        type: 'blocking',
        description: 'VALIDATE CONSTRAINT in the same transaction as the ADD CONSTRAINT ... NOT VALID it validates.',
        severity: 'error',
        breaking: false,
        messages: {
            validate: 'Validating `{{constraint}}` in the transaction that added it NOT VALID (line {{line}}) keeps {{lock}} on `{{table}}` through the whole validation scan, blocking {{blocked}} on it, so NOT VALID gains nothing.',
        },
        help: 'Commit after ADD CONSTRAINT ... NOT VALID and run VALIDATE CONSTRAINT in a later transaction (a later migration, or after COMMIT in a non-transactional one).',
    },
    check(statement, ctx) {
        // Remember this statement's locks while the schema model still matches it.
        heldLocks(statement, ctx.catalog, ctx.postgresVersion);
        const alter = readAlterTable(statement);
        if (!alter || !ctx.tx.previous.length || !isExistingTable(ctx.catalog, alter.table))
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype !== 'AT_ValidateConstraint' || !cmd.name)
                continue;
            const name = cmd.name;
            const add = [...ctx.tx.previous]
                .reverse()
                .find((p) => addedConstraints(p).some((c) => c.notValid && c.name === name && c.table.key === alter.table.key));
            if (!add)
                continue;
            const held = heldLocks(add, ctx.catalog, ctx.postgresVersion).find((l) => l.table.key === alter.table.key);
            const mode = held?.mode ?? 'ACCESS EXCLUSIVE';
            ctx.report({
                location: cmdLocation(statement, cmd),
                messageId: 'validate',
                data: {
                    constraint: name,
                    line: add.line,
                    lock: lockArticle(mode),
                    table: alter.table.key,
                    blocked: blockedTraffic(mode),
                },
                object: `${alter.table.key}.${name}`,
                lock: mode,
            });
        }
    },
};

// The registry: every rule, sorted by id. The only list of rules.
const RULES = [
    addingEnumValue,
    addingExclusionConstraint,
    addingFieldWithDefault,
    addingForeignKeyConstraint,
    addingPrimaryKeyConstraint,
    addingRequiredField,
    addingSerialColumn,
    addingStoredGeneratedColumn,
    addingUniqueConstraint,
    backfillInMigration,
    banAlterDomainWithAddConstraint,
    banCharField,
    banCluster,
    banConcurrentIndexInTransaction,
    banCreateDomainWithConstraint,
    banDropCascade,
    banDropColumn,
    banDropDatabase,
    banDropNotNull,
    banDropSchema,
    banDropSequence,
    banDropTable,
    banDropType,
    banDropView,
    banReindexWithoutConcurrently,
    banTruncate,
    banUncommittedTransaction,
    banVacuumFull,
    changingColumnType,
    constraintMissingNotValid,
    droppingColumnDefault,
    identifierTooLong,
    multipleAccessExclusiveLocks,
    preferBigintPrimaryKey,
    preferIdentity,
    preferJsonb,
    preferRobustStmts,
    preferTimestamptz,
    renamingColumn,
    renamingEnumValue,
    renamingSchema,
    renamingTable,
    requireConcurrentDetachPartition,
    requireConcurrentIndexCreation,
    requireConcurrentIndexDeletion,
    requireLockTimeout,
    settingNotNull,
    transactionNesting,
    validateConstraintInSameTransaction,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

const DIRECTIVE = /--\s*expand-contract-ignore(-file)?\b(.*)$/;
/** Reads a directive from one comment line; returns an error message when it is malformed. */
function readDirective(comment, line) {
    const m = DIRECTIVE.exec(comment);
    if (!m)
        return undefined;
    const scope = m[1] ? 'file' : 'statement';
    const words = (m[2] ?? '').trim().split(/\s+/).filter(Boolean);
    const rules = (words.shift() ?? '').split(',').filter(Boolean);
    let until;
    if (words[0]?.startsWith('until=')) {
        until = words.shift().slice('until='.length);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) {
            return { error: `until=${until} is not a date; write until=YYYY-MM-DD.`, line };
        }
    }
    const reason = words.join(' ');
    const name = scope === 'file' ? 'expand-contract-ignore-file' : 'expand-contract-ignore';
    if (rules.length === 0)
        return { error: `${name} names no rule; write -- ${name} <rule> <reason>.`, line };
    if (!reason)
        return { error: `${name} ${rules.join(',')} gives no reason; add one after the rule ids.`, line };
    return { scope, rules, ...(until ? { until } : {}), reason, line, used: false };
}
function matches(d, f) {
    return d.rules.includes(f.rule) || d.rules.includes('all');
}
function isExpired(d, today) {
    return d.until !== undefined && d.until < today;
}

// The analysis pipeline: parsed migrations -> schema model -> rules -> Report.
// Reads no environment, opens no sockets: the CLI and the Action are front ends over it.
const DEFAULT_OPTIONS = {
    postgresVersion: 16,
    rules: {},
    today: new Date().toISOString().slice(0, 10),
};
async function analyze(input, options = DEFAULT_OPTIONS) {
    return (await analyzeDetailed(input, options)).report;
}
/** `analyze`, keeping each statement and its findings: what the planner works from. */
async function analyzeDetailed(input, options = DEFAULT_OPTIONS) {
    await loadParser();
    const catalog = new StaticCatalog();
    catalog.beginRelease(0);
    const history = input.history.map((file) => parseFile(file));
    for (const parsed of history)
        for (const s of parsed.statements)
            catalog.apply(s);
    const statements = [];
    const rules = RULES.filter((r) => options.rules[r.meta.id]?.severity !== 'off');
    const report = { version: 1, files: [], findings: [], suppressed: [] };
    input.releases.forEach((releaseFiles, i) => {
        catalog.beginRelease(i + 1);
        const parsed = releaseFiles.map((f) => parseFile(f));
        const flat = parsed.flatMap((p) => p.statements);
        let flatIndex = 0;
        for (const p of parsed) {
            report.files.push({ path: p.file.path, framework: p.file.framework, statements: p.statements.length });
            const perStatement = [];
            let sessionLockTimeout = false;
            let sessionStatementTimeout = false;
            let txState;
            for (const statement of p.statements) {
                const index = flatIndex++;
                if (!txState || txState.id !== statement.transactionId) {
                    txState = { id: statement.transactionId, previous: [], lock: false, statement: false };
                }
                const tx = {
                    // Shared, not copied: the statement joins the list only after every rule has run on it.
                    previous: statement.inTransaction ? txState.previous : [],
                    lockTimeoutSet: sessionLockTimeout || txState.lock,
                    statementTimeoutSet: sessionStatementTimeout || txState.statement,
                };
                const own = [];
                // One context per statement; `report` files findings under the rule being run.
                let current = rules[0];
                const ctx = {
                    catalog,
                    file: p.file,
                    fileStatements: p.statements,
                    later: () => flat.slice(index + 1),
                    tx,
                    postgresVersion: options.postgresVersion,
                    options: {},
                    report: (input) => own.push(toFinding(current, statement, input, p.file.path, options)),
                };
                for (const rule of rules) {
                    current = rule;
                    ctx.options = options.rules[rule.meta.id]?.options ?? {};
                    rule.check(statement, ctx);
                }
                perStatement.push({ statement, findings: own });
                statements.push({ file: p.file, release: i, statement, findings: own });
                catalog.apply(statement);
                if (statement.inTransaction)
                    txState.previous.push(statement);
                const setting = timeoutSetting(statement);
                if (setting) {
                    const local = setting.local && statement.inTransaction;
                    if (setting.name === 'lock_timeout') {
                        if (local)
                            txState.lock = setting.on;
                        else
                            sessionLockTimeout = setting.on;
                    }
                    else if (local)
                        txState.statement = setting.on;
                    else
                        sessionStatementTimeout = setting.on;
                }
            }
            applyDirectives(p, perStatement, report, options);
        }
    });
    const order = new Map(report.files.map((f, i) => [f.path, i]));
    const byPlace = (a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0) || a.line - b.line || a.column - b.column;
    report.findings.sort(byPlace);
    report.suppressed.sort(byPlace);
    return { report, statements, history };
}
function toFinding(rule, statement, input, path, options) {
    const setting = options.rules[rule.meta.id]?.severity;
    const at = statement.locate(input.location);
    return {
        rule: rule.meta.id,
        severity: setting && setting !== 'off' ? setting : (input.severity ?? rule.meta.severity),
        breaking: input.breaking ?? rule.meta.breaking,
        path,
        line: at.line,
        column: at.column,
        statementLine: statement.line,
        object: input.object ?? null,
        lock: input.lock ?? null,
        message: ruleMessage(rule.meta, input.messageId, input.data),
        help: rule.meta.help,
        docs: ruleDocs(rule.meta.id),
    };
}
/** Applies ignore directives to one file's findings and adds the file's diagnostics. */
function applyDirectives(parsed, perStatement, report, options) {
    const path = parsed.file.path;
    const own = [];
    for (const d of parsed.diagnostics) {
        const setting = options.rules[d.rule]?.severity;
        if (setting === 'off')
            continue;
        own.push(diagnosticFinding(path, setting ? { ...d, severity: setting } : d));
    }
    const all = [];
    const fileDirectives = [];
    const byLine = new Map();
    // Every directive in the file, read once by line; statements then pick up the ones above them.
    parsed.file.sql.split('\n').forEach((text, i) => {
        if (!text.includes('expand-contract-ignore'))
            return;
        const d = readDirective(text, i + 1);
        if (!d)
            return;
        if ('error' in d) {
            own.push(metaFinding(path, d.line, 'invalid-ignore', d.error));
            byLine.set(i + 1, undefined);
            return;
        }
        all.push(d);
        byLine.set(i + 1, d);
        if (d.scope === 'file')
            fileDirectives.push(d);
    });
    // A directive above a DO block also covers the statements the block runs.
    let enclosing = [];
    for (const { statement, findings } of perStatement) {
        // Inside a PL/pgSQL body the directives are the comment lines right above the statement.
        const lines = statement.plpgsql
            ? linesAbove(byLine, statement.line)
            : statement.leadingComments.map((c) => c.line);
        const local = lines
            .map((line) => byLine.get(line))
            .filter((d) => d !== undefined && d.scope === 'statement');
        if (!statement.plpgsql)
            enclosing = local;
        const applicable = statement.plpgsql ? [...local, ...enclosing] : local;
        for (const f of findings) {
            const d = [...applicable, ...fileDirectives].find((x) => matches(x, f) && !isExpired(x, options.today));
            if (d) {
                d.used = true;
                // Marked in place, so a statement's findings (analyzeDetailed) show the suppression too.
                f.suppressed = { reason: d.reason, ...(d.until ? { until: d.until } : {}) };
                report.suppressed.push(f);
            }
            else
                own.push(f);
        }
    }
    for (const d of all) {
        const name = d.scope === 'file' ? 'expand-contract-ignore-file' : 'expand-contract-ignore';
        if (isExpired(d, options.today)) {
            own.push(metaFinding(path, d.line, 'expired-ignore', `${name} ${d.rules.join(',')} expired on ${d.until}; fix the statement or renew the date.`));
        }
        else if (!d.used) {
            own.push(metaFinding(path, d.line, 'unused-ignore', `${name} ${d.rules.join(',')} suppresses nothing here; remove it.`));
        }
    }
    report.findings.push(...own);
}
function linesAbove(byLine, line) {
    const out = [];
    for (let l = line - 1; byLine.has(l); l--)
        out.push(l);
    return out;
}
function diagnosticFinding(path, d) {
    return {
        rule: d.rule,
        severity: d.severity,
        breaking: false,
        path,
        line: d.line,
        column: d.column,
        statementLine: d.line,
        object: null,
        lock: null,
        message: d.message,
        docs: ruleDocs(d.rule),
    };
}
function metaFinding(path, line, rule, message) {
    return {
        rule,
        severity: 'warning',
        breaking: false,
        path,
        line,
        column: 1,
        statementLine: line,
        object: null,
        lock: null,
        message,
        docs: ruleDocs(rule),
    };
}
function timeoutSetting(s) {
    if (s.kind !== 'VariableSetStmt')
        return undefined;
    const n = s.node.VariableSetStmt;
    if (n.name !== 'lock_timeout' && n.name !== 'statement_timeout')
        return undefined;
    // lock_timeout = 0 (or '0', or DEFAULT/RESET) means "wait forever".
    const arg = (n.args?.[0] ?? {});
    const value = arg.A_Const?.sval?.sval ?? String(arg.A_Const?.ival?.ival ?? 0);
    const off = n.kind !== 'VAR_SET_VALUE' || /^0+\s*(ms|s|min)?$/i.test(value.trim());
    return { name: n.name, local: Boolean(n.is_local), on: !off };
}

// The tool's version, shown by --version and in SARIF output. Kept in step with package.json by a test.
const VERSION = '0.1.0';

const COMMAND = { error: 'error', warning: 'warning', notice: 'notice' };
function renderGithub(report) {
    return report.findings.map((f) => `${annotation(f)}\n`).join('');
}
function annotation(f) {
    const props = [
        `file=${escapeProperty(f.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `title=${escapeProperty(f.rule)}`,
    ].join(',');
    return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`;
}
/** The message part of a workflow command. */
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A property value of a workflow command: as data, plus `:` and `,`. */
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function finding(f) {
    return {
        rule: f.rule,
        severity: f.severity,
        breaking: f.breaking,
        path: f.path,
        line: f.line,
        column: f.column,
        statementLine: f.statementLine,
        object: f.object,
        lock: f.lock,
        message: f.message,
        docs: f.docs,
    };
}
function renderJson(report) {
    const out = {
        version: report.version,
        files: report.files,
        findings: report.findings.map(finding),
        suppressed: report.suppressed.map((f) => ({ ...finding(f), reason: f.suppressed?.reason ?? '' })),
    };
    return `${JSON.stringify(out, null, 2)}\n`;
}

/** Locks that stop ordinary reads or writes while held (weaker ones only conflict with other DDL). */
const TRAFFIC_BLOCKING = new Set([
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
]);
function renderMarkdown(report, options = {}) {
    const blocks = [];
    if (options.title !== undefined && options.title.trim() !== '')
        blocks.push(`### ${escapeText(oneLine$1(options.title))}`);
    blocks.push(verdict(report));
    if (report.findings.length > 0)
        blocks.push(findingsTable(report.findings, options));
    if (report.suppressed.length > 0)
        blocks.push(suppressedBlock(report.suppressed, options));
    return `${blocks.join('\n\n')}\n`;
}
/** A finding that is not breaking but holds a lock that stops traffic. */
function isBlocking(f) {
    return !f.breaking && f.lock !== null && TRAFFIC_BLOCKING.has(f.lock);
}
function verdict(report) {
    const files = `in ${plural$1(report.files.length, 'file')}`;
    const breaking = report.findings.filter((f) => f.breaking).length;
    const blocking = report.findings.filter(isBlocking).length;
    const rest = report.findings.filter((f) => !f.breaking && !isBlocking(f));
    const parts = [breaking > 0 ? `**${plural$1(breaking, 'breaking change')}**` : 'No breaking changes'];
    if (blocking > 0)
        parts.push(plural$1(blocking, 'blocking lock'));
    for (const sev of ['error', 'warning', 'notice']) {
        const n = rest.filter((f) => f.severity === sev).length;
        if (n > 0)
            parts.push(plural$1(n, SEVERITY_NOUN[sev]));
    }
    if (parts.length === 1 && breaking === 0)
        parts[0] = 'No breaking changes or blocking locks';
    const ignored = report.suppressed.length > 0 ? ` (${report.suppressed.length} ignored)` : '';
    return `${parts.join(', ')} ${files}${ignored}.`;
}
const HTML_ENTITY = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const SEVERITY_NOUN = {
    error: 'other error',
    warning: 'warning',
    notice: 'notice',
};
function findingsTable(findings, options) {
    const rows = findings.map((f) => {
        const tags = [f.severity, ...(f.breaking ? ['**breaking**'] : [])].join(', ');
        const message = [richText(f.message), ...(f.help ? [`Help: ${richText(f.help)}`] : [])].join('<br>');
        return row([place(f, options), `${ruleLink(f, options)} (${tags})`, f.lock ?? '\u2014', message]);
    });
    return [row(['File', 'Rule', 'Lock', 'Message']), row(['---', '---', '---', '---']), ...rows].join('\n');
}
function suppressedBlock(findings, options) {
    const rows = findings.map((f) => {
        const until = f.suppressed?.until ? ` (until ${escapeText(oneLine$1(f.suppressed.until))})` : '';
        const reason = f.suppressed?.reason.trim() ? richText(f.suppressed.reason.trim()) : '_no reason given_';
        return row([place(f, options), ruleLink(f, options), `${reason}${until}`]);
    });
    const summary = `${plural$1(findings.length, 'ignored finding')}`;
    return [
        `<details><summary>${summary}</summary>`,
        '',
        row(['File', 'Rule', 'Reason']),
        row(['---', '---', '---']),
        ...rows,
        '',
        '</details>',
    ].join('\n');
}
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
function place(f, options) {
    const text = `${escapeText(oneLine$1(f.path))}:${f.line}`;
    if (options.linkBase === undefined || options.linkBase === '')
        return text;
    return `[${text}](${options.linkBase}${encodePath$1(f.path)}#L${f.line})`;
}
function ruleLink(f, options) {
    const text = escapeText(oneLine$1(f.rule));
    const base = options.docsBase ?? options.linkBase;
    if (/^https?:\/\//i.test(f.docs))
        return `[${text}](${encodeUrl(f.docs)})`;
    if (base === undefined || base === '' || f.docs === '')
        return text;
    return `[${text}](${base}${encodePath$1(f.docs)})`;
}
function plural$1(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
function oneLine$1(s) {
    return s.replace(/\r\n|\r|\n/g, ' ');
}
/**
 * Text from the input as inert Markdown for a table cell: HTML special characters as entities,
 * pipes and backticks as numeric references, other Markdown punctuation backslash-escaped, and a
 * zero-width joiner after `@` so no one is mentioned. Newlines must be removed or replaced first.
 */
function escapeText(s) {
    // One pass, so the escapes themselves are never escaped again.
    // eslint-disable-next-line no-control-regex
    return s.replace(/[&<>"|`\\*_[\]~#!$:@\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => {
        if (c === '@')
            return '@\u200d';
        const entity = HTML_ENTITY[c];
        if (entity !== undefined)
            return entity;
        if (c === '|' || c === '`')
            return `&#${c.charCodeAt(0)};`;
        if (c.charCodeAt(0) < 0x20 || c === '\u007f')
            return '\ufffd';
        return `\\${c}`;
    });
}
/**
 * A message or help text: escaped like `escapeText`, with `code` spans kept as <code> elements (their
 * content escaped too) and line breaks as <br>.
 */
function richText(s) {
    const lines = s.split(/\r\n|\r|\n/);
    return lines
        .map((line) => line
        .split(/`([^`]+)`/)
        .map((part, i) => (i % 2 === 1 ? `<code>${escapeText(part)}</code>` : escapeText(part)))
        .join(''))
        .join('<br>');
}
/** A relative path as a URL path: each segment percent-encoded, backslashes as slashes. */
function encodePath$1(path) {
    return path
        .replace(/\\/g, '/')
        .replace(/^\.\//, '')
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}
/** An absolute URL made safe inside `( )`: spaces, parentheses and angle brackets percent-encoded. */
function encodeUrl(url) {
    return url.replace(/[\s()<>`|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function renderSarif(report, options) {
    const rules = [];
    const index = new Map();
    const add = (rule) => {
        index.set(rule.id, rules.length);
        rules.push(descriptor(rule, options.docsBase));
        return rules.length - 1;
    };
    for (const rule of options.rules)
        if (!index.has(rule.id))
            add(rule);
    const ruleIndex = (f) => index.get(f.rule) ?? add(fallbackRule(f));
    const results = [
        ...report.findings.map((f) => result(f, ruleIndex(f))),
        ...report.suppressed.map((f) => result(f, ruleIndex(f))),
    ];
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'expand-contract',
                        version: options.toolVersion,
                        ...(/^\d+\.\d+\.\d+/.test(options.toolVersion) ? { semanticVersion: options.toolVersion } : {}),
                        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
                        rules,
                    },
                },
                // Our columns count UTF-16 code units, as JavaScript strings do.
                columnKind: 'utf16CodeUnits',
                results,
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
/** Every known rule is listed (in the order given), then the rules of engine findings (syntax-error, ...). */
function descriptor(rule, docsBase) {
    const helpUri = resolveDocs(rule.docs, docsBase);
    return {
        id: rule.id,
        shortDescription: { text: rule.description || rule.id },
        ...(rule.help ? { help: { text: rule.help } } : {}),
        ...(helpUri !== undefined ? { helpUri } : {}),
        defaultConfiguration: { level: LEVEL[rule.severity] },
        ...(helpUri === undefined && rule.docs ? { properties: { docs: rule.docs } } : {}),
    };
}
function fallbackRule(f) {
    return { id: f.rule, description: f.rule, help: '', docs: f.docs, severity: f.severity };
}
function resolveDocs(docs, base) {
    if (/^https?:\/\//i.test(docs))
        return docs;
    if (!docs || base === undefined || base === '')
        return undefined;
    return `${base}${encodePath(docs)}`;
}
function result(f, ruleIndex) {
    const uri = artifactUri(f.path);
    return {
        ruleId: f.rule,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: uri.relative ? { uri: uri.uri, uriBaseId: '%SRCROOT%' } : { uri: uri.uri },
                    region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
                },
            },
        ],
        ...(f.suppressed
            ? {
                suppressions: [
                    {
                        kind: 'inSource',
                        justification: f.suppressed.reason,
                        ...(f.suppressed.until ? { properties: { until: f.suppressed.until } } : {}),
                    },
                ],
            }
            : {}),
        properties: { breaking: f.breaking, lock: f.lock, object: f.object, statementLine: f.statementLine },
    };
}
/**
 * A finding's path as a URI reference: relative paths with forward slashes and each segment
 * percent-encoded; absolute paths (POSIX or Windows) as file: URIs.
 */
function artifactUri(path) {
    const slashed = path.replace(/\\/g, '/');
    if (/^[A-Za-z]:\//.test(slashed))
        return { uri: `file:///${slashed.slice(0, 2)}${encodePath(slashed.slice(2))}`, relative: false };
    if (slashed.startsWith('/'))
        return { uri: `file://${encodePath(slashed)}`, relative: false };
    return { uri: encodePath(slashed.replace(/^(\.\/)+/, '')), relative: true };
}
function encodePath(path) {
    return path
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}

/** Lines of source shown before and after the finding's line. */
const CONTEXT = 2;
const TAB_WIDTH = 4;
/** Display columns of source shown per line; longer lines are clipped around the caret. */
const MAX_WIDTH = 100;
/** A statement that starts further above the finding's line than this is elided in the middle. */
const MAX_GAP = 1;
const PLAIN = {
    bold: (s) => s,
    dim: (s) => s,
    severity: (_sev, s) => s,
    breaking: (s) => s,
    ok: (s) => s,
};
const sgr = (open, close) => (s) => s === '' ? s : `\x1b[${open}m${s}\x1b[${close}m`;
const SEVERITY_SGR = {
    error: sgr('31', '39'),
    warning: sgr('33', '39'),
    notice: sgr('36', '39'),
};
const ANSI = {
    bold: sgr('1', '22'),
    dim: sgr('2', '22'),
    severity: (sev, s) => SEVERITY_SGR[sev](s),
    breaking: (s) => sgr('1', '22')(sgr('35', '39')(s)),
    ok: sgr('32', '39'),
};
function renderText(report, options = {}) {
    const paint = options.color === true ? ANSI : PLAIN;
    const sources = options.sources ?? new Map();
    const out = [];
    for (const f of report.findings)
        out.push(...findingBlock(f, sources.get(f.path), paint), '');
    if (report.suppressed.length > 0) {
        out.push(paint.bold(`Ignored (${report.suppressed.length}):`));
        for (const f of report.suppressed)
            out.push(`  ${suppressedLine(f, paint)}`);
        out.push('');
    }
    out.push(summary(report, paint));
    return `${out.join('\n')}\n`;
}
function header(f, paint) {
    const place = `${paint.bold(safe(f.path))}${paint.dim(`:${f.line}:${f.column}`)}`;
    const parts = [place, paint.severity(f.severity, f.severity), paint.dim(safe(f.rule))];
    if (f.breaking)
        parts.push(paint.breaking('BREAKING'));
    return parts.join('  ');
}
function findingBlock(f, source, paint) {
    const lines = [header(f, paint)];
    for (const line of f.message.split(/\r\n|\r|\n/))
        lines.push(`  ${safe(line)}`.trimEnd());
    const frame = source === undefined ? [] : codeFrame(source, f, paint);
    if (frame.length > 0)
        lines.push('', ...frame);
    const notes = [];
    if (f.help !== undefined && f.help !== '')
        notes.push(`  ${paint.bold('help:')} ${oneLine(f.help)}`);
    if (f.lock !== null)
        notes.push(`  ${paint.bold('lock:')} ${f.lock}`);
    notes.push(`  ${paint.bold('docs:')} ${oneLine(f.docs)}`);
    lines.push('', ...notes);
    return lines;
}
function suppressedLine(f, paint) {
    const reason = f.suppressed?.reason.trim() ? oneLine(f.suppressed.reason.trim()) : '(no reason given)';
    const until = f.suppressed?.until ? ` until ${oneLine(f.suppressed.until)}` : '';
    return [
        `${safe(f.path)}${paint.dim(`:${f.line}:${f.column}`)}`,
        paint.dim(f.severity),
        paint.dim(safe(f.rule)),
        `ignored${until}: ${reason}`,
    ].join('  ');
}
function summary(report, paint) {
    const files = plural(report.files.length, 'file');
    if (report.findings.length === 0)
        return paint.ok(`No problems found in ${files}.`);
    const count = (sev) => report.findings.filter((f) => f.severity === sev).length;
    const errors = count('error');
    const warnings = count('warning');
    const breaking = report.findings.filter((f) => f.breaking).length;
    const text = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(count('notice'), 'notice')} in ${files} (${breaking} breaking)`;
    const worst = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'notice';
    return paint.bold(paint.severity(worst, text));
}
function plural(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
function codeFrame(source, f, paint) {
    const lines = source.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    if (!Number.isInteger(f.line) || f.line < 1 || f.line > lines.length)
        return [];
    const text = (n) => lines[n - 1] ?? '';
    let from = Math.max(1, f.line - CONTEXT);
    let to = Math.min(lines.length, f.line + CONTEXT);
    while (from < f.line && text(from).trim() === '')
        from++;
    while (to > f.line && text(to).trim() === '')
        to--;
    const rows = [];
    const start = Math.min(f.statementLine, f.line);
    if (start >= 1 && start < from) {
        rows.push({ line: start, cells: cells(text(start)).cells });
        if (from - start > MAX_GAP)
            rows.push({ line: 0, cells: [] });
        else
            for (let n = start + 1; n < from; n++)
                rows.push({ line: n, cells: cells(text(n)).cells });
    }
    for (let n = from; n <= to; n++)
        rows.push({ line: n, cells: cells(text(n)).cells });
    const caret = cells(text(f.line)).columnAt(f.column);
    const offset = caret < MAX_WIDTH - 10 ? 0 : caret - Math.floor(MAX_WIDTH / 2);
    const gutter = String(to).length;
    const out = [];
    for (const row of rows) {
        if (row.line === 0) {
            out.push(paint.dim(`  ${' '.repeat(gutter)} ...`));
            continue;
        }
        const marked = row.line === f.line;
        const mark = marked ? paint.severity(f.severity, '>') : ' ';
        const num = String(row.line).padStart(gutter);
        out.push(`  ${mark} ${paint.dim(`${num} |`)} ${clip(row.cells, offset)}`.trimEnd());
        if (marked) {
            const pad = ' '.repeat(caret - offset);
            out.push(`    ${paint.dim(`${' '.repeat(gutter)} |`)} ${pad}${paint.severity(f.severity, '^')}`);
        }
    }
    return out;
}
/** Splits a line into display cells, expanding tabs; `columnAt` maps a 1-based UTF-16 column to a display column. */
function cells(line) {
    const out = [];
    const at = [];
    let col = 0;
    let i = 0;
    for (const ch of line) {
        const cp = ch.codePointAt(0) ?? 0;
        for (let k = 0; k < ch.length; k++)
            at[i + k] = col;
        i += ch.length;
        if (ch === '\t') {
            const n = TAB_WIDTH - (col % TAB_WIDTH);
            for (let k = 0; k < n; k++)
                out.push({ text: ' ', width: 1 });
            col += n;
            continue;
        }
        const width = charWidth(cp);
        const last = out[out.length - 1];
        if (width === 0 && last !== undefined) {
            last.text += ch;
        }
        else if (width > 0) {
            out.push({ text: safe(ch), width });
            col += width;
        }
    }
    return {
        cells: out,
        columnAt: (column) => (column >= 1 && column <= line.length ? (at[column - 1] ?? col) : col),
    };
}
/** The cells from display column `offset` on, at most MAX_WIDTH wide, with an ellipsis where clipped. */
function clip(row, offset) {
    const end = offset + MAX_WIDTH;
    const shown = [];
    let col = 0;
    let clippedEnd = false;
    for (const cell of row) {
        const next = col + cell.width;
        if (next > end) {
            clippedEnd = true;
            break;
        }
        if (col >= offset)
            shown.push(cell);
        else if (next > offset)
            shown.push({ text: ' '.repeat(next - offset), width: next - offset });
        col = next;
    }
    if (offset > 0 && shown.length > 0) {
        const first = shown[0];
        shown[0] = { text: `\u2026${' '.repeat(first.width - 1)}`, width: first.width };
    }
    if (clippedEnd)
        shown.push({ text: '\u2026', width: 1 });
    return shown.map((c) => c.text).join('');
}
/** Terminal width of a code point: 0 for combining and zero-width marks, 2 for wide East Asian and emoji. */
function charWidth(cp) {
    if ((cp >= 0x0300 && cp <= 0x036f) ||
        (cp >= 0x1ab0 && cp <= 0x1aff) ||
        (cp >= 0x1dc0 && cp <= 0x1dff) ||
        (cp >= 0x200b && cp <= 0x200f) ||
        (cp >= 0x20d0 && cp <= 0x20ff) ||
        (cp >= 0x2060 && cp <= 0x2064) ||
        (cp >= 0xfe00 && cp <= 0xfe0f) ||
        (cp >= 0xfe20 && cp <= 0xfe2f) ||
        cp === 0xfeff) {
        return 0;
    }
    if ((cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x1f300 && cp <= 0x1f64f) ||
        (cp >= 0x1f900 && cp <= 0x1f9ff) ||
        (cp >= 0x20000 && cp <= 0x3fffd)) {
        return 2;
    }
    return 1;
}
/** Control characters shown as visible symbols, so input text never drives the terminal. */
function safe(s) {
    // eslint-disable-next-line no-control-regex
    return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
        const code = c.charCodeAt(0);
        if (code < 0x20)
            return String.fromCharCode(0x2400 + code);
        return code === 0x7f ? '\u2421' : '\ufffd';
    });
}
function oneLine(s) {
    return safe(s.replace(/\r\n|\r|\n/g, ' '));
}

const FORMATS = ['text', 'markdown', 'json', 'sarif', 'github'];
function render(format, report, context = {}) {
    switch (format) {
        case 'text':
            return renderText(report, context);
        case 'markdown':
            return renderMarkdown(report, context);
        case 'json':
            return renderJson(report);
        case 'sarif':
            return renderSarif(report, {
                ...context,
                toolVersion: context.toolVersion ?? VERSION,
                rules: context.rules ?? [],
            });
        case 'github':
            return renderGithub(report);
    }
}

/** A usage or input problem: printed as one line, exit code 2. */
class UsageError extends Error {
}

// `expand-contract check`: discover -> analyze -> render, with the exit code of --fail-on.
async function runCheck(args, io) {
    if (args.help) {
        io.stdout(USAGE);
        return 0;
    }
    const format = oneOf('--format', args.format, FORMATS);
    const config = await loadConfig({
        ...(args.config !== undefined ? { path: resolve(io.cwd, args.config) } : {}),
        cwd: io.cwd,
        knownRules: [...RULES.map((r) => r.meta.id), ...BUILTIN_RULE_IDS],
    });
    const settings = merge(config, args);
    const input = await discover(args, settings, io);
    const report = await analyze(input, {
        postgresVersion: settings.postgresVersion,
        rules: settings.rules,
        today: new Date().toISOString().slice(0, 10),
    });
    const sources = new Map();
    for (const release of input.releases)
        for (const f of release)
            sources.set(f.path, f.sql);
    const color = args.color ?? (io.isTTY && !io.env.NO_COLOR && format === 'text');
    io.stdout(render(format, report, {
        color,
        sources,
        toolVersion: VERSION,
        rules: RULES.map((r) => ({
            id: r.meta.id,
            description: r.meta.description,
            help: r.meta.help,
            docs: `docs/rules/${r.meta.id}.md`,
            severity: r.meta.severity,
        })),
    }));
    return exitCode(report, settings.failOn);
}
function merge(config, args) {
    const out = { ...config };
    if (args.postgresVersion !== undefined) {
        const v = Number(args.postgresVersion);
        if (!Number.isInteger(v) || v < 10 || v > 18) {
            throw new UsageError(`--postgres-version ${args.postgresVersion} is not a PostgreSQL major version; use 10 to 18.`);
        }
        out.postgresVersion = v;
    }
    if (args.failOn !== undefined)
        out.failOn = oneOf('--fail-on', args.failOn, FAIL_ON);
    if (args.framework !== undefined)
        out.framework = oneOf('--framework', args.framework, FRAMEWORK_NAMES);
    return out;
}
async function discover(args, config, io) {
    const discoverConfig = {
        ...(config.framework ? { framework: config.framework } : {}),
        placeholders: config.placeholders,
        maxFileBytes: config.maxFileBytes,
        paths: config.paths,
    };
    if (args.base !== undefined) {
        if (args.paths.length > 0)
            throw new UsageError('give either PATHS or --base REF, not both.');
        return discoverChanged(args.base, discoverConfig, io.cwd);
    }
    const paths = args.paths.length > 0 ? args.paths : config.paths;
    if (paths.length === 0) {
        throw new UsageError('name the migration files or folders to check, or pass --base REF to check the files changed since REF.');
    }
    return discoverPaths(paths, discoverConfig, io.cwd);
}
/** 1 when any finding is at or above the --fail-on level. */
function exitCode(report, failOn) {
    if (failOn === 'never')
        return 0;
    const failing = report.findings.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
    return failing ? 1 : 0;
}
function oneOf(option, value, allowed) {
    if (!allowed.includes(value))
        throw new UsageError(`${option} ${value} is not one of ${allowed.join(', ')}.`);
    return value;
}

// The command line: parses arguments, dispatches to one command, maps failures to exit codes.
//   0: nothing at or above --fail-on;  1: findings at or above it;  2: bad usage or unreadable input.
const USAGE = `Usage: expand-contract <command> [options]

Commands:
  check [PATHS...]    Find migration statements that break a rolling deploy or block traffic (no database).

Options for check:
  --base REF                 Analyse the migration files changed between REF and the working tree.
  --format FORMAT            text (default), markdown, json, sarif or github.
  --config FILE              Configuration file (default: .github/expand-contract.yml when present).
  --postgres-version N       PostgreSQL major version the migrations run on (default 16).
  --framework NAME           sql, prisma, golang-migrate, flyway, dbmate, goose, sqitch, supabase, drizzle.
  --fail-on LEVEL            error (default), warning or never: the lowest severity that exits 1.
  --color / --no-color       Force colour on or off in text output (default: on for a terminal).
  -h, --help                 Show this help.
  -v, --version              Show the version.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or unreadable input.
`;
async function run(argv, io) {
    try {
        const [command, ...rest] = argv;
        if (!command || command === '-h' || command === '--help' || command === 'help') {
            io.stdout(USAGE);
            return command ? 0 : 2;
        }
        if (command === '-v' || command === '--version') {
            io.stdout(`${VERSION}\n`);
            return 0;
        }
        switch (command) {
            case 'check':
                return await runCheck(parse(rest), io);
            default:
                throw new UsageError(`unknown command '${command}'; run expand-contract --help for the commands.`);
        }
    }
    catch (error) {
        if (error instanceof UsageError || error instanceof InputError || error instanceof ConfigError) {
            io.stderr(`expand-contract: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}
function parse(args) {
    try {
        const { values, positionals } = parseArgs({
            args,
            allowPositionals: true,
            strict: true,
            options: {
                base: { type: 'string' },
                format: { type: 'string', default: 'text' },
                config: { type: 'string' },
                'postgres-version': { type: 'string' },
                framework: { type: 'string' },
                'fail-on': { type: 'string' },
                color: { type: 'boolean' },
                'no-color': { type: 'boolean' },
                help: { type: 'boolean', short: 'h', default: false },
            },
        });
        return {
            paths: positionals,
            ...(values.base !== undefined ? { base: values.base } : {}),
            format: values.format ?? 'text',
            ...(values.config !== undefined ? { config: values.config } : {}),
            ...(values['postgres-version'] !== undefined ? { postgresVersion: values['postgres-version'] } : {}),
            ...(values.framework !== undefined ? { framework: values.framework } : {}),
            ...(values['fail-on'] !== undefined ? { failOn: values['fail-on'] } : {}),
            ...(values['no-color'] ? { color: false } : values.color ? { color: true } : {}),
            help: values.help ?? false,
        };
    }
    catch (error) {
        const message = error instanceof Error ? error.message.replace(/\.?$/, '') : String(error);
        throw new UsageError(`${message}; run expand-contract check --help for the options.`);
    }
}

// Bin entry: only starts things. The work is in main.ts.
run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
}).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`expand-contract: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
});
