// Jest stand-in for the CSS files Atlaskit packages import (Vite bundles them in real builds).
export {};
