import './prefetch';
import { mount } from '../shared/mount';
import { App } from './App';

void mount((context) => <App context={context} />);
