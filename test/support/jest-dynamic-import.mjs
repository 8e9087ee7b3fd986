// Jest transform for @react-email/render only. Its Node build loads react-dom/server with a dynamic
// import(), which Jest's CommonJS sandbox refuses without --experimental-vm-modules. Real Node (the
// CLI, Forge) runs it unchanged; under Jest the import becomes the equivalent require().
export default {
  process(source) {
    return { code: source.replace(/\bimport\((["'][^"']+["'])\)/g, 'Promise.resolve(require($1))') };
  },
};
